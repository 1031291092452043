import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConvexHttpEndpoint, type ConvexHttpEndpoint, type HttpActionCall } from "../../sandbox/convex-http.ts";
import { generateApplicationKeys, HttpInteractionsDelivery, urlEndpoint } from "../../sandbox/discord/http-delivery.ts";
import { EmbeddedConvex } from "../../sandbox/engine.ts";

const APPLICATION_ID = "100000000000000042";
let engine: EmbeddedConvex;
let withRouter: ConvexHttpEndpoint;
let apiOnly: ConvexHttpEndpoint;
let keys: Awaited<ReturnType<typeof generateApplicationKeys>>;
const served: HttpActionCall[] = [];

beforeAll(async () => {
  keys = await generateApplicationKeys();
  engine = await EmbeddedConvex.start({
    secret: randomBytes(24).toString("hex"),
    crons: [],
    env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_APPLICATION_ID: APPLICATION_ID },
  });
  withRouter = await startConvexHttpEndpoint({ engine, httpActions: true });
  withRouter.onHttpAction((call) => served.push(call));
  apiOnly = await startConvexHttpEndpoint({ engine });
});
afterAll(async () => {
  await withRouter.close();
  await apiOnly.close();
  await engine.stop();
});

describe("the loopback Convex endpoint's HTTP router (httpActions)", () => {
  it("serves POST /discord/interactions from the deployment's router: Discord's checks pass (PING → PONG, a bad signature → 401)", async () => {
    const delivery = new HttpInteractionsDelivery(keys, urlEndpoint(`${withRouter.url}/discord/interactions`));
    expect(await delivery.probe(APPLICATION_ID)).toEqual([]);
    expect(served.map((c) => [c.method, c.path, c.status])).toEqual([
      ["POST", "/discord/interactions", 200],
      ["POST", "/discord/interactions", 401],
    ]);
    expect(served.every((c) => c.engineMs >= 0)).toBe(true);
  });

  it("without httpActions serves only the HTTP API: the router's paths are 404", async () => {
    const delivery = new HttpInteractionsDelivery(keys, urlEndpoint(`${apiOnly.url}/discord/interactions`));
    const pong = await delivery.post({ id: "9", application_id: APPLICATION_ID, type: 1, token: "t", version: 1 });
    expect(pong.status).toBe(404);
  });
});
