module.exports=[86372,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_config_route_actions_0ep4_f1yut2mt.js.map