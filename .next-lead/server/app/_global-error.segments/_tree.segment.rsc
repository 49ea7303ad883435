1:[["children",{"s":"__PAGE__","h":176}]]
0:{"b":"SZ9IYIgbEGHsAYy8q3Rl9","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
