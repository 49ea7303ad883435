import http from "node:http";

export type RecordedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: unknown };

/**
 * A stand-in for Kling or DMXAPI that records every request and answers in Kling's envelope.
 * Tasks stay `processing`, which is all a test of the outgoing body needs.
 */
export async function startRecordingKling(): Promise<{ url: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : null });
      const body = req.method === "POST" ? (JSON.parse(text) as { external_task_id?: string }) : {};
      const now = Date.now();
      const task = {
        task_id: "880011223344",
        task_status: req.method === "POST" ? "submitted" : "processing",
        task_info: { external_task_id: body.external_task_id },
        created_at: now,
        updated_at: now,
      };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: 0, message: "SUCCEED", request_id: `req-${requests.length}`, data: task }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
