import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ffmpeg from "@ffmpeg-installer/ffmpeg";

/** `at`: when the request arrived (Date.now()), for rates and latencies over a task's lifetime. */
export type RecordedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: unknown; at: number };

/**
 * How the first creates are answered. The task is created in every case except `busy`; only the answer
 * goes wrong: `null-fields` (task_info and task_status_msg null), `unparseable` (code 0, data a string),
 * `html` (a 502 gateway page), `timeout` (the answer comes after `delayMs`), `duplicate` (refused as a
 * duplicate external_task_id, as when a relay retried on its own), `busy` (1303, nothing created).
 */
export type CreateFault = "null-fields" | "unparseable" | "html" | "timeout" | "duplicate" | "busy";

export type RecordingKlingOptions = {
  createFaults?: CreateFault[];
  /**
   * Which lookups by external id work: all forms (default), only `?external_task_id=` (the path form
   * knows task ids only), or only the list (the path form is a 404 page, the query parameter is refused).
   */
  lookup?: "all" | "query-only" | "list-only";
  /** Queries of a task before it ends; Infinity (default) keeps tasks `processing`. */
  queriesUntilDone?: number;
  /** How a task ends: `succeed` with a real MP4, or `failed` with this message (given the request's Authorization). */
  failWith?: (authorization: string) => string;
  delayMs?: number;
  /** What a succeeded task reports as charged (`final_unit_deduction`). */
  unitsCharged?: string;
};

/** `succeeded_at`: when the task was first reported `succeed` (Date.now()), if it was. */
type Task = { task_id: string; external_task_id?: string; queries: number; created_at: number; succeeded_at?: number };

export type RecordingKling = {
  url: string;
  requests: RecordedRequest[];
  /** Tasks that exist upstream (what Kling would charge for). */
  tasks: () => Task[];
  creates: () => RecordedRequest[];
  /** Creates refused because the external_task_id already had a task: each one is a double send. */
  refusedDuplicates: () => number;
  /** Queries of one task by its task id (what callbacks and viewers cost). */
  queriesOf: (taskId: string) => number;
  close: () => Promise<void>;
};

const run = promisify(execFile);

async function makeVideo(): Promise<Buffer> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "recording-kling-")), "v.mp4");
  await run(ffmpeg.path, ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=blue:s=64x64:d=1:r=10", "-pix_fmt", "yuv420p", "-c:v", "libx264", file]);
  return readFile(file);
}

/**
 * A stand-in for Kling or DMXAPI over real HTTP that records every request, keeps the tasks it created,
 * refuses a second task with the same external_task_id (as Kling does), and can misbehave on purpose.
 */
export async function startRecordingKling(options: RecordingKlingOptions = {}): Promise<RecordingKling> {
  const requests: RecordedRequest[] = [];
  const tasks: Task[] = [];
  const faults = [...(options.createFaults ?? [])];
  let duplicates = 0;
  const lookup = options.lookup ?? "all";
  const queriesUntilDone = options.queriesUntilDone ?? Infinity;
  const video = queriesUntilDone === Infinity || options.failWith ? null : await makeVideo();
  let base = "";

  const view = (task: Task, authorization: string) => {
    const done = task.queries >= queriesUntilDone;
    const status = !done ? (task.queries === 0 ? "submitted" : "processing") : options.failWith ? "failed" : "succeed";
    if (status === "succeed") task.succeeded_at ??= Date.now();
    return {
      task_id: task.task_id,
      task_status: status,
      task_status_msg: status === "failed" ? options.failWith!(authorization) : "",
      task_info: task.external_task_id ? { external_task_id: task.external_task_id } : {},
      created_at: task.created_at,
      updated_at: Date.now(),
      ...(status === "succeed" ? { task_result: { videos: [{ id: `v-${task.task_id}`, url: `${base}/videos/${task.task_id}.mp4`, duration: "1" }] } } : {}),
      ...(status === "succeed" && options.unitsCharged ? { final_unit_deduction: options.unitsCharged } : {}),
    };
  };

  function answer(req: http.IncomingMessage, text: string): { status: number; body: unknown; html?: string; delayMs?: number } {
    const url = new URL(req.url ?? "/", "http://kling");
    const authorization = req.headers.authorization ?? "";
    const ok = (data: unknown) => ({ status: 200, body: { code: 0, message: "SUCCEED", request_id: `req-${requests.length}`, data } });
    const notFound = { status: 404, body: { code: 1203, message: "task not found" } };
    const route = url.pathname.replace(/^\/kling/, "").replace(/^\/v1\/videos\/image2video/, "");
    if (req.method === "POST" && route === "") {
      const body = JSON.parse(text) as { external_task_id?: string };
      const fault = faults.shift();
      if (fault === "busy") return { status: 429, body: { code: 1303, message: "parallel task over resource pack limit" } };
      if (body.external_task_id && tasks.some((task) => task.external_task_id === body.external_task_id)) {
        duplicates += 1;
        return { status: 400, body: { code: 1201, message: "external_task_id: already exists" } };
      }
      const task: Task = { task_id: `88${String(tasks.length + 1).padStart(8, "0")}`, external_task_id: body.external_task_id, queries: 0, created_at: Date.now() };
      tasks.push(task);
      if (fault === "null-fields") return ok({ task_id: task.task_id, task_status: "submitted", task_info: null, task_status_msg: null, created_at: null });
      if (fault === "unparseable") return ok("accepted");
      if (fault === "html") return { status: 502, body: null, html: "<html><body><h1>502 Bad Gateway</h1></body></html>" };
      if (fault === "duplicate") return { status: 400, body: { code: 1201, message: "external_task_id: already exists" } };
      return { ...ok(view(task, authorization)), delayMs: fault === "timeout" ? options.delayMs ?? 3_000 : 0 };
    }
    if (req.method !== "GET") return { status: 405, body: { code: 1202, message: "method not allowed" } };
    if (route === "") {
      const externalId = url.searchParams.get("external_task_id");
      const newestFirst = [...tasks].reverse();
      if (externalId !== null) {
        if (lookup === "list-only") return { status: 400, body: { code: 1201, message: "unknown query parameter external_task_id" } };
        const task = tasks.find((candidate) => candidate.external_task_id === externalId);
        return task ? ok(view(task, authorization)) : notFound;
      }
      const pageSize = Number(url.searchParams.get("pageSize") ?? 30);
      return ok(newestFirst.slice(0, pageSize).map((task) => view(task, authorization)));
    }
    const id = decodeURIComponent(route.slice(1));
    const byTaskId = tasks.find((task) => task.task_id === id);
    if (byTaskId) {
      byTaskId.queries += 1;
      return ok(view(byTaskId, authorization));
    }
    if (lookup === "list-only") return { status: 404, body: null, html: "<html><body>404 page not found</body></html>" };
    const byExternalId = lookup === "all" ? tasks.find((task) => task.external_task_id === id) : undefined;
    return byExternalId ? ok(view(byExternalId, authorization)) : notFound;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: text ? (JSON.parse(text) as unknown) : null, at: Date.now() });
      if (req.url?.startsWith("/videos/") && video) {
        res.writeHead(200, { "content-type": "video/mp4", "content-length": video.length });
        res.end(video);
        return;
      }
      const { status, body, html, delayMs } = answer(req, text);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": html ? "text/html" : "application/json" });
        res.end(html ?? JSON.stringify(body));
      };
      if (delayMs) setTimeout(send, delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
  const taskPath = (taskId: string) => new RegExp(`/v1/videos/image2video/${taskId}$`);
  return {
    url: base,
    requests,
    tasks: () => [...tasks],
    creates: () => requests.filter((request) => request.method === "POST"),
    refusedDuplicates: () => duplicates,
    queriesOf: (taskId) => requests.filter((request) => request.method === "GET" && taskPath(taskId).test(request.path)).length,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
