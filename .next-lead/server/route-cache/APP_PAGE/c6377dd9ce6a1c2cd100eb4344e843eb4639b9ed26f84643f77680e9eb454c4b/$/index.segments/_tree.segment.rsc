:HL["/_next/static/chunks/2rr_obj8kkkgp.css","style"]
1:[["children",{"s":"__PAGE__","h":160}]]
0:{"b":"SZ9IYIgbEGHsAYy8q3Rl9","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
