import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  output: "standalone", // .next/standalone/server.js: the Docker image's server without the whole node_modules
  // The API answers at its documented paths with and without the trailing slash, without redirecting.
  skipTrailingSlashRedirect: true,
  // Dev and tests reach the server through 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
