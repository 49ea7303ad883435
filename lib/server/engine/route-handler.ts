import "server-only";
import { securityHeaders } from "../security-headers";
import { getEngine } from "./index";

/**
 * The one handler behind every route under app/engine/kling, for every method: the engine answers
 * wrong methods (1202) and unknown paths (1203) in Kling's JSON envelope, where Next would answer a
 * bare 405 or its HTML 404. The proxy skips these paths (it would buffer request bodies before the
 * engine's streaming cap sees them), so the security headers are added here.
 */
export async function handleEngineRequest(request: Request): Promise<Response> {
  const response = await getEngine().handle(request);
  const headers = securityHeaders({ pathname: new URL(request.url).pathname, nonce: "", publicBaseUrl: process.env.PUBLIC_BASE_URL, dev: false });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
