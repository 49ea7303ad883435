module.exports=[71480,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_assets_route_actions_1qb_ukn6f927b.js.map