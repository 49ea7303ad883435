import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native binaries must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@ffmpeg-installer/ffmpeg", "sharp", "@libsql/client", "libsql", "pino"],
  poweredByHeader: false,
};

export default nextConfig;
