:HL["/_next/static/chunks/2rr_obj8kkkgp.css","style"]
2:[["children",{"s":"__PAGE__","h":160}]]
1:[["children",{"s":"/_not-found","h":96,"c":"$Q2"}]]
0:{"b":"SZ9IYIgbEGHsAYy8q3Rl9","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
