import { once } from "node:events";
import http from "node:http";

/**
 * POSTs up to `megabytes` MB of JSON-ish filler with chunked transfer encoding (no Content-Length),
 * stopping as soon as the server answers. For checks that a body cap holds while the body streams:
 * `sentMb` below `megabytes` shows the server answered before taking it all.
 */
export async function postChunked(url: string, key: string, megabytes: number): Promise<{ status: number | undefined; text: string; sentMb: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const request = http.request(url, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" } });
  request.on("error", () => undefined); // the server may close the socket once it has answered
  const answered = once(request, "response") as Promise<[http.IncomingMessage]>;
  let done = false;
  void answered.then(() => (done = true));
  request.write("{");
  let sentMb = 0;
  while (!done && sentMb < megabytes) {
    sentMb += 1;
    if (!request.write(chunk)) await Promise.race([once(request, "drain"), answered]);
  }
  const [response] = await answered;
  let text = "";
  for await (const part of response) text += String(part);
  request.destroy();
  return { status: response.statusCode, text, sentMb };
}
