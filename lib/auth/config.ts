import type { NextAuthConfig } from "next-auth";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    agentId: string;
    sessionVersion: number;
  }
}

/** Shared by the proxy (redirects only) and the full Auth.js instance. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  trustHost: true,
  secret: authSecret(),
  providers: [],
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error.name !== "CredentialsSignin") console.error(error);
    },
  },
  callbacks: {
    authorized({ auth }) {
      return Boolean(auth?.agentId);
    },
    jwt({ token, user }) {
      if (user?.id) {
        token.agentId = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.agentId = token.agentId as string;
      session.sessionVersion = token.sessionVersion as number;
      return session;
    },
  },
} satisfies NextAuthConfig;
