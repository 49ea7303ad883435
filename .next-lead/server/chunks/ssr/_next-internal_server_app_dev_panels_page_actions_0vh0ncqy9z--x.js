module.exports=[52564,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_dev_panels_page_actions_0vh0ncqy9z--x.js.map