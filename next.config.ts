import type { NextConfig } from "next";

// Headers every response gets; pages also get a per-request Content-Security-Policy from proxy.ts.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  output: "standalone", // .next/standalone/server.js: the Docker image's server without the whole node_modules
  // The API answers at its documented paths with and without the trailing slash, without redirecting.
  skipTrailingSlashRedirect: true,
  // Dev and tests reach the server through 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // JSON and event streams never run scripts or get framed.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      // Behind a TLS-terminating proxy (it sets X-Forwarded-Proto), browsers are told to stay on HTTPS.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
