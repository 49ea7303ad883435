import "server-only";
import { getEngine } from "./index";

/**
 * The one handler behind every route under app/engine/kling, for every method: the engine answers
 * wrong methods (1202) and unknown paths (1203) in Kling's JSON envelope, where Next would answer a
 * bare 405 or its HTML 404.
 */
export const handleEngineRequest = (request: Request): Promise<Response> => getEngine().handle(request);
