module.exports=[61298,s=>{"use strict";s.s([])}];

//# sourceMappingURL=1oeh_server_app_engine_kling_v1_videos_image2video_%5Bid%5D_route_actions_0fl7xeio-rk3e.js.map