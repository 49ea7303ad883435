var R=require("../../../../../chunks/[turbopack]_runtime.js")("server/app/api/callbacks/kling/[token]/route.js")
R.c("server/chunks/[root-of-the-server]__16o02ahd8idc_._.js")
R.c("server/chunks/_1_a711jizxu7r._.js")
R.c("server/chunks/_0a-k5nbtn1b7l._.js")
R.c("server/chunks/[root-of-the-server]__1v4ehfr4w-ps1._.js")
R.c("server/chunks/_0usc6w7bd7-rw._.js")
R.c("server/chunks/1oeh_server_app_api_callbacks_kling_[token]_route_actions_0zo7esze2z_3z.js")
R.m(54872)
module.exports=R.m(54872).exports
