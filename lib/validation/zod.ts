import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * The zod every schema shared with the browser is written in: zod/mini, whose functions tree-shake
 * (import it as `import * as z from "@/lib/validation/zod"`, so the bundler keeps only what is used;
 * classic zod would add ~30 kB to the editor's first load). zod/mini ships without messages; the
 * English ones are what import errors and API errors quote, so they are set here (one global setting,
 * shared with classic zod, which server-only code still uses).
 */
config(en());

export * from "zod/mini";
