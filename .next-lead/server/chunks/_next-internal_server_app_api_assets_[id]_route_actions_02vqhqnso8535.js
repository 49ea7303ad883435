module.exports=[84351,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_assets_%5Bid%5D_route_actions_02vqhqnso8535.js.map