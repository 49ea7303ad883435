var R=require("../../../chunks/[turbopack]_runtime.js")("server/app/api/tasks/route.js")
R.c("server/chunks/[root-of-the-server]__16o02ahd8idc_._.js")
R.c("server/chunks/_1n_j3jm_5wg90._.js")
R.c("server/chunks/_0a-k5nbtn1b7l._.js")
R.c("server/chunks/[root-of-the-server]__0u2gw0fwpfs5n._.js")
R.c("server/chunks/_0usc6w7bd7-rw._.js")
R.c("server/chunks/_next-internal_server_app_api_tasks_route_actions_123tq1_b3dlgw.js")
R.m(77731)
module.exports=R.m(77731).exports
