var R=require("../../../../chunks/[turbopack]_runtime.js")("server/app/api/tasks/[id]/route.js")
R.c("server/chunks/[externals]__08xaggk8bl3uh._.js")
R.c("server/chunks/_0ly7etaeq-e04._.js")
R.c("server/chunks/_0a-k5nbtn1b7l._.js")
R.c("server/chunks/[root-of-the-server]__1v4ehfr4w-ps1._.js")
R.c("server/chunks/_0usc6w7bd7-rw._.js")
R.c("server/chunks/_next-internal_server_app_api_tasks_[id]_route_actions_14wrlbl5ay80x.js")
R.m(87924)
module.exports=R.m(87924).exports
