import { config } from "zod/mini";

// Runs before any of the app's browser code. zod compiles object parsers with `new Function` and probes
// for it on the first schema it builds; the page CSP forbids eval, and even the caught probe is
// reported as a violation. The interpreter is fast enough for the editor's documents. (zod/mini: the
// browser's schemas are written in it, see lib/validation/zod.ts; the setting is shared with classic.)
config({ jitless: true });
