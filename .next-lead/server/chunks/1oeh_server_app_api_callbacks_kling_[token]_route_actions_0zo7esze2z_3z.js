module.exports=[34123,s=>{"use strict";s.s([])}];

//# sourceMappingURL=1oeh_server_app_api_callbacks_kling_%5Btoken%5D_route_actions_0zo7esze2z_3z.js.map