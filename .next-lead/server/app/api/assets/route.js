var R=require("../../../chunks/[turbopack]_runtime.js")("server/app/api/assets/route.js")
R.c("server/chunks/[root-of-the-server]__16o02ahd8idc_._.js")
R.c("server/chunks/_0w5qauh3o-528._.js")
R.c("server/chunks/_0a-k5nbtn1b7l._.js")
R.c("server/chunks/[root-of-the-server]__1v4ehfr4w-ps1._.js")
R.c("server/chunks/_0usc6w7bd7-rw._.js")
R.c("server/chunks/_next-internal_server_app_api_assets_route_actions_1qb_ukn6f927b.js")
R.m(41384)
module.exports=R.m(41384).exports
