import http from "node:http";

/** One request that passed through: `body` is parsed JSON for JSON requests (a create), else null. */
export type ProxiedRequest = { method: string; path: string; body: unknown; at: number };

export type RecordingProxy = {
  url: string;
  requests: ProxiedRequest[];
  close: () => Promise<void>;
};

/**
 * A pass-through HTTP proxy on a free loopback port that records every request before forwarding it to
 * `target` unchanged (the Host header included, so URLs the target hands out lead back through here).
 * Put in front of the engine service, it shows what the apps asked it: creates by external_task_id.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: ProxiedRequest[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const bytes = Buffer.concat(chunks);
      const isJson = (req.headers["content-type"] ?? "").includes("json") && bytes.length > 0;
      requests.push({ method: req.method ?? "", path: req.url ?? "", body: isJson ? (JSON.parse(bytes.toString("utf8")) as unknown) : null, at: Date.now() });
      const forwarded = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forwarded.on("error", () => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 5000, message: "proxy: target unreachable" }));
      });
      forwarded.end(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
