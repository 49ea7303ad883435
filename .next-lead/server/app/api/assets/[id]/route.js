var R=require("../../../../chunks/[turbopack]_runtime.js")("server/app/api/assets/[id]/route.js")
R.c("server/chunks/[externals]__08xaggk8bl3uh._.js")
R.c("server/chunks/_064avr-m4n85j._.js")
R.c("server/chunks/_0a-k5nbtn1b7l._.js")
R.c("server/chunks/[root-of-the-server]__1v4ehfr4w-ps1._.js")
R.c("server/chunks/_0usc6w7bd7-rw._.js")
R.c("server/chunks/_next-internal_server_app_api_assets_[id]_route_actions_02vqhqnso8535.js")
R.m(62014)
module.exports=R.m(62014).exports
