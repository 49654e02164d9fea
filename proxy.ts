import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Redirects signed-out visitors of app pages to /login. Only a convenience:
// every page, action and handler checks authorization itself (requireAgent / withApiKey).
const { auth } = NextAuth(authConfig);
export default auth;

export const config = {
  matcher: ["/inbox/:path*", "/settings/:path*", "/reports/:path*"],
};
