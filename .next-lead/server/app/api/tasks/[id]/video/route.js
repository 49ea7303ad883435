var R=require("../../../../../chunks/[turbopack]_runtime.js")("server/app/api/tasks/[id]/video/route.js")
R.c("server/chunks/[root-of-the-server]__0b9n0skl6elt0._.js")
R.c("server/chunks/_00ks_itztjfmb._.js")
R.c("server/chunks/_0a-k5nbtn1b7l._.js")
R.c("server/chunks/[root-of-the-server]__1v4ehfr4w-ps1._.js")
R.c("server/chunks/_0usc6w7bd7-rw._.js")
R.c("server/chunks/_next-internal_server_app_api_tasks_[id]_video_route_actions_1d5b093rp1bpt.js")
R.m(84041)
module.exports=R.m(84041).exports
