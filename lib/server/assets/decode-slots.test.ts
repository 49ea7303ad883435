import { describe, expect, it } from "vitest";
import { createDecodeSlots } from "./decode-slots";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("decode slots", () => {
  it("runs at most `size` jobs at once and starts the waiting ones in arrival order", async () => {
    const slots = createDecodeSlots(2);
    const started: number[] = [];
    const finish: Array<() => void> = [];
    const jobs = [0, 1, 2, 3].map((n) =>
      slots.run(async () => {
        started.push(n);
        await new Promise<void>((resolve) => (finish[n] = resolve));
        return n;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(slots.stats()).toEqual({ running: 2, waiting: 2 });
    finish[1]!();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    finish[0]!();
    finish[2]!();
    await tick();
    finish[3]!();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3]);
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when a job fails", async () => {
    const slots = createDecodeSlots(1);
    await expect(slots.run(() => Promise.reject(new Error("corrupt")))).rejects.toThrow("corrupt");
    expect(await slots.run(async () => "next")).toBe("next");
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });
});
