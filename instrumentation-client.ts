import { z } from "zod";

// Runs before any of the app's browser code. zod compiles object parsers with `new Function` and probes
// for it on the first schema it builds; the page CSP forbids eval, and even the caught probe is
// reported as a violation. The interpreter is fast enough for the editor's documents.
z.config({ jitless: true });
