import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // Native binaries must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@ffmpeg-installer/ffmpeg", "sharp", "@libsql/client", "libsql", "pino", "pg", "pg-boss"],
  poweredByHeader: false,
  experimental: {
    // With proxy.ts, Next buffers request bodies for it and cuts them at this size (default 10 MB):
    // it must cover the largest body a route accepts (engine creates, 64 MB; uploads are 40 MB).
    proxyClientMaxBodySize: 64 * 1024 * 1024,
  },
  // The dev server is reached as 127.0.0.1 by tests and screenshots.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Lets parallel builds (tests, benches) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  productionBrowserSourceMaps: process.env.SOURCE_MAPS === "1",
};

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Catalogues are compiled at build time, so the browser formats messages without an ICU parser
  // (intl-messageformat, ~8 kB gzipped of the editor's first load).
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

export default async function config(phase: string): Promise<NextConfig> {
  // The render worker runs outside Next's bundles; it is built with the app (esbuild is a dev tool, so not on `next start`).
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) {
    const { buildWorker } = await import("./scripts/build-worker.mjs");
    await buildWorker();
  }
  return withNextIntl(nextConfig);
}
