module.exports=[96020,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_tasks_route_actions_123tq1_b3dlgw.js.map