module.exports=[87769,(e,r,o)=>{r.exports=e.x("node:events",()=>require("node:events"))},36340,(e,r,o)=>{r.exports=e.x("node:timers/promises",()=>require("node:timers/promises"))},57764,(e,r,o)=>{r.exports=e.x("node:url",()=>require("node:url"))},25127,(e,r,o)=>{r.exports=e.x("node:worker_threads",()=>require("node:worker_threads"))}];

//# sourceMappingURL=%5Bexternals%5D__12lw9lfivnqrz._.js.map