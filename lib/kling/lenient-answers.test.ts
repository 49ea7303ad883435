import { describe, expect, it } from "vitest";
import { klingCallbackSchema, klingTaskEnvelopeSchema, klingTaskListEnvelopeSchema } from "./wire-schema";

/** Shapes real relays send on success: a strict reading of any of them would lose a paid task. */
describe("lenient reading of success answers", () => {
  const envelope = (data: unknown) => ({ code: 0, message: "SUCCEED", request_id: "r", data });

  it("reads a create answer with task_info and task_status_msg null", () => {
    const parsed = klingTaskEnvelopeSchema.parse(envelope({ task_id: "77", task_status: "submitted", task_info: null, task_status_msg: null }));
    expect(parsed.data).toMatchObject({ task_id: "77", task_status: "submitted", task_info: {} });
    expect(parsed.data.task_status_msg).toBeUndefined();
  });

  it("reads an answer with only the fields we act on, a numeric task id and null envelope fields", () => {
    const parsed = klingTaskEnvelopeSchema.parse({ code: 0, message: null, request_id: null, data: { task_id: 880011, task_status: "processing" } });
    expect(parsed.data.task_id).toBe("880011");
    expect(parsed.message).toBe("");
    expect(parsed.request_id).toBe("");
  });

  it("drops unknown keys and malformed fields we never act on", () => {
    const parsed = klingTaskEnvelopeSchema.parse(
      envelope({ task_id: "t", task_status: "succeed", created_at: "yesterday", updated_at: 1.5, watermark_info: "on", relay_trace: { hop: 3 }, task_result: { videos: [{ url: "https://cdn/v.mp4", duration: null, id: 12 }] } }),
    );
    expect(parsed.data).not.toHaveProperty("relay_trace");
    expect(parsed.data.created_at).toBeUndefined();
    expect(parsed.data.updated_at).toBeUndefined();
    expect(parsed.data.watermark_info).toBeUndefined();
    expect(parsed.data.task_result?.videos[0]).toEqual({ url: "https://cdn/v.mp4", id: "12" });
  });

  it("treats null task_result and null videos as absent", () => {
    expect(klingCallbackSchema.parse({ task_id: "t", task_status: "processing", task_result: null }).task_result).toBeUndefined();
    expect(klingCallbackSchema.parse({ task_id: "t", task_status: "succeed", task_result: { videos: null } }).task_result?.videos).toEqual([]);
  });

  it.each([
    ["no task id", { task_status: "submitted" }],
    ["an empty task id", { task_id: "", task_status: "submitted" }],
    ["an unknown status", { task_id: "t", task_status: "completed" }],
    ["no data at all", null],
  ])("still refuses an answer with %s", (_name, data) => {
    expect(klingTaskEnvelopeSchema.safeParse(envelope(data)).success).toBe(false);
  });

  it("skips list entries that do not parse and reads a null list as empty", () => {
    const list = klingTaskListEnvelopeSchema.parse(envelope([{ task_id: "a", task_status: "succeed", task_result: null }, { task_status: "odd" }, "junk"]));
    expect(list.data.map((task) => task.task_id)).toEqual(["a"]);
    expect(klingTaskListEnvelopeSchema.parse(envelope(null)).data).toEqual([]);
  });
});
