import { describe, expect, it } from "vitest";
import { recipeSchema } from "@/lib/recipe/schema";
import { isFinished, publicTaskSchema, type Task } from "./public-task";

const recipe = recipeSchema.parse({ version: 1, provider: "preview", prompt: "a kite", startFrame: "startasset01" });
const task: Task = {
  id: "tsk_1",
  title: "a kite",
  status: "succeed",
  statusMessage: "",
  statusCode: "",
  provider: "preview",
  recipe,
  video: { url: "/api/tasks/tsk_1/video", durationS: 5, width: 640, height: 360 },
  upstreamTaskId: "up_1",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:09.000Z",
  submittedAt: "2026-01-01T00:00:01.000Z",
  finishedAt: "2026-01-01T00:00:09.000Z",
  unitsCharged: "1",
};

describe("publicTaskSchema", () => {
  it("reads back exactly what the server sends", () => {
    expect(publicTaskSchema.parse(JSON.parse(JSON.stringify(task)))).toEqual(task);
  });

  it("fills the fields an older server omits or sends as null", () => {
    const { statusCode: _code, submittedAt: _s, finishedAt: _f, unitsCharged: _u, title: _t, ...older } = task;
    const parsed = publicTaskSchema.parse({ ...older, statusMessage: null, upstreamTaskId: undefined });
    expect(parsed).toMatchObject({ title: "", statusMessage: "", statusCode: "", upstreamTaskId: null, submittedAt: null, finishedAt: null, unitsCharged: null });
  });

  it("refuses a status or provider it does not know", () => {
    expect(publicTaskSchema.safeParse({ ...task, status: "done" }).success).toBe(false);
    expect(publicTaskSchema.safeParse({ ...task, provider: "sora" }).success).toBe(false);
  });
});

describe("isFinished", () => {
  it.each([
    ["queued", false],
    ["submitted", false],
    ["processing", false],
    ["succeed", true],
    ["failed", true],
  ] as const)("%s → %s", (status, want) => {
    expect(isFinished(status)).toBe(want);
  });
});
