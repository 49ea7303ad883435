module.exports=[72428,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_engine_kling_videos_%5Bfile%5D_route_actions_1s0kjpc2569d0.js.map