var R=require("../../../chunks/[turbopack]_runtime.js")("server/app/api/config/route.js")
R.c("server/chunks/[externals]__0z1q7nqiubanh._.js")
R.c("server/chunks/[root-of-the-server]__1ccez5gs-u817._.js")
R.c("server/chunks/_10s9tyeasgb0i._.js")
R.c("server/chunks/_next-internal_server_app_api_config_route_actions_0ep4_f1yut2mt.js")
R.m(51284)
module.exports=R.m(51284).exports
