import type { NextAuthConfig } from "next-auth";
import { authSecret } from "./secret";
import { SESSION_MAX_AGE_S } from "./session-lifetime";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    agentId: string;
    sessionVersion: number;
    sessionId?: string;
  }
}

const authErrorType = (error: Error) => (error as { type?: string }).type ?? error.name;
export const isExpectedAuthOutcome = (error: Error) => authErrorType(error) === "CredentialsSignin";

/** Shared by the proxy (redirects only) and the full Auth.js instance. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  trustHost: true,
  secret: authSecret(),
  providers: [],
  logger: {
    // A wrong password (or a throttled attempt) is an expected outcome, not a server error worth a stack
    // trace. Checked by Auth.js's `type`: production builds minify class names, so `name` is not reliable.
    error(error) {
      if (isExpectedAuthOutcome(error)) return;
      console.error(`[auth] ${authErrorType(error)}: ${error.message}`, error.cause ?? "");
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
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.agentId = token.agentId as string;
      session.sessionVersion = token.sessionVersion as number;
      session.sessionId = token.sid as string | undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
