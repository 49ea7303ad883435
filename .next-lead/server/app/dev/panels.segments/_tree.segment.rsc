:HL["/_next/static/chunks/2rr_obj8kkkgp.css","style"]
3:[["children",{"s":"__PAGE__","h":160}]]
2:[["children",{"s":"panels","h":96,"c":"$Q3"}]]
1:[["children",{"s":"dev","h":96,"c":"$Q2"}]]
0:{"b":"SZ9IYIgbEGHsAYy8q3Rl9","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
