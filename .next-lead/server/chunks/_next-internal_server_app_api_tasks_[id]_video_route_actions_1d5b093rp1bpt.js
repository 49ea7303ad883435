module.exports=[13201,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_tasks_%5Bid%5D_video_route_actions_1d5b093rp1bpt.js.map