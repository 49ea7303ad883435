module.exports=[50227,(e,o,p)=>{o.exports=e.x("node:path",()=>require("node:path"))}];

//# sourceMappingURL=%5Bexternals%5D_node_path_1pmhwj3lcltj8._.js.map