module.exports=[88644,s=>{"use strict";s.s([])}];

//# sourceMappingURL=1oeh_server_app_engine_kling_v1_videos_image2video_route_actions_07jomztnnine0.js.map