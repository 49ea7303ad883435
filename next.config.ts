import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // Native binaries must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@ffmpeg-installer/ffmpeg", "sharp", "@libsql/client", "libsql", "pino"],
  poweredByHeader: false,
  // The dev server is reached as 127.0.0.1 by tests and screenshots.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Lets parallel builds (tests, benches) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
