import "server-only";
import { securityHeaders } from "../security-headers";
import { getEnv } from "../env";
import { EngineError } from "./codes";
import { failure, newRequestId } from "./envelope";
import { getEngine } from "./index";

/**
 * The one handler behind every route under app/engine/kling, for every method: the engine answers
 * wrong methods (1202) and unknown paths (1203) in Kling's JSON envelope, where Next would answer a
 * bare 405 or its HTML 404. The proxy skips these paths (it would buffer request bodies before the
 * engine's streaming cap sees them), so the security headers are added here.
 */
export async function handleEngineRequest(request: Request): Promise<Response> {
  // With ENGINE_BASE_URL the engine is a service of its own: none renders on the app's CPU.
  const response = getEnv().ENGINE_BASE_URL ? failure(new EngineError(1203, "the preview engine runs as its own service (ENGINE_BASE_URL)"), newRequestId()) : await getEngine().handle(request);
  const headers = securityHeaders({ pathname: new URL(request.url).pathname, nonce: "", publicBaseUrl: process.env.PUBLIC_BASE_URL, dev: false });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
