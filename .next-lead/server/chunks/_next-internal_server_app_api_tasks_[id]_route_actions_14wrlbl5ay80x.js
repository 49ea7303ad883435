module.exports=[26890,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_tasks_%5Bid%5D_route_actions_14wrlbl5ay80x.js.map