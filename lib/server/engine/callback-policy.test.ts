import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callbackHosts, createCallbackPolicy, isLoopbackHost } from "./callback-policy";
import { createCallbackSender } from "./callbacks";
import { parseFaults } from "./faults";
import { silentLogger } from "./logger";
import { callbackReceiver, fakeRender, imageBase64, removeTempDirs, serveEngine, type ServedEngine, type TaskData } from "./testing";

describe("createCallbackPolicy", () => {
  const policy = createCallbackPolicy(["Hooks.Example.com", "relay.example.org:8443", " "]);

  it.each([
    ["http://127.0.0.1:3000/api/callbacks/kling/x", true],
    ["http://127.8.9.10/cb", true],
    ["http://localhost:4000/cb", true],
    ["http://[::1]:4000/cb", true],
    ["https://hooks.example.com/cb", true],
    ["https://HOOKS.example.com:9999/cb", true],
    ["https://relay.example.org:8443/cb", true],
    ["https://relay.example.org/cb", false],
    ["https://evil.example.net/cb", false],
    ["https://hooks.example.com.evil.net/cb", false],
    ["http://127.0.0.1.evil.net/cb", false],
    ["http://10.0.0.5/cb", false],
    ["http://169.254.169.254/latest/meta-data", false],
    ["http://[::ffff:10.0.0.5]/cb", false],
    ["ftp://127.0.0.1/cb", false],
    ["not a url", false],
  ])("%s → %s", (url, allowed) => {
    expect(policy(url)).toBe(allowed);
  });

  it("allows only loopback when nothing is listed", () => {
    const loopbackOnly = createCallbackPolicy();
    expect(loopbackOnly("http://127.0.0.1/cb")).toBe(true);
    expect(loopbackOnly("https://hooks.example.com/cb")).toBe(false);
  });

  it("recognises loopback names as written", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("127.256.0.1")).toBe(false);
    expect(isLoopbackHost("localhost.example.com")).toBe(false);
  });

  it("counts the public base URL's host as the app's own", () => {
    expect(callbackHosts("https://studio.example.com:8080/app", ["a.example"])).toEqual(["studio.example.com", "a.example"]);
    expect(callbackHosts(undefined, ["a.example"])).toEqual(["a.example"]);
  });
});

describe("the engine and callback_url", () => {
  let image: string;
  const open: ServedEngine[] = [];
  beforeAll(async () => {
    image = await imageBase64(640, 360);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((served) => served.close()));
  });
  afterAll(removeTempDirs);

  it("refuses a create whose callback goes to a host nobody allowed, naming callback_url", async () => {
    const served = await serveEngine({ render: fakeRender, callbacks: false, callbackPolicy: createCallbackPolicy(["hooks.example.com"]) });
    open.push(served);
    const refused = await served.call("POST", "/v1/videos/image2video", { image, callback_url: "https://evil.example.net/steal" });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(1201);
    expect(refused.body.message).toMatch(/^callback_url: /);
    const listed = await served.call("POST", "/v1/videos/image2video", { image, callback_url: "https://hooks.example.com/cb" });
    expect(listed.body.code).toBe(0);
    const list = await served.call("GET", "/v1/videos/image2video?pageNum=1&pageSize=10");
    expect((list.body.data as TaskData[]).map((task) => task.task_id)).toEqual([(listed.body.data as TaskData).task_id]);
  });

  it("by default accepts loopback callbacks only", async () => {
    const served = await serveEngine({ render: fakeRender, callbacks: false });
    open.push(served);
    expect((await served.call("POST", "/v1/videos/image2video", { image, callback_url: "https://hooks.example.com/cb" })).body.code).toBe(1201);
    expect((await served.call("POST", "/v1/videos/image2video", { image, callback_url: "http://127.0.0.1:9/cb" })).body.code).toBe(0);
  });
});

describe("createCallbackSender", () => {
  it("does not deliver to a URL the policy refuses, even for a task stored earlier", async () => {
    const receiver = await callbackReceiver();
    const sender = createCallbackSender({ enabled: true, allowed: (url) => !url.includes("refused"), faults: parseFaults(""), log: silentLogger });
    try {
      sender.send(`${receiver.url}?refused`, { task_id: "1", task_status: "submitted" }, "1");
      sender.send(receiver.url, { task_id: "1", task_status: "processing" }, "1");
      // Deliveries of one task are chained: once the second arrived, the first was decided.
      await expect.poll(() => receiver.bodies.length).toBe(1);
      expect(receiver.bodies.map((body) => body.task_status)).toEqual(["processing"]);
    } finally {
      await sender.close();
      await receiver.close();
    }
  });
});
