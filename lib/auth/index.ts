import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { loginClient } from "./login-client";
import { createAgentSession, endAgentSession } from "./sessions";
import { verifyCredentials } from "./verify-credentials";

class ThrottledSignin extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled:${minutes}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials, loginClient(request.headers));
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignin(result.retryInMinutes);
          return null;
        }
        const { organizationId, ...agent } = result.agent;
        return { ...agent, sessionId: await createAgentSession({ id: agent.id, organizationId }) };
      },
    }),
  ],
  events: {
    // Both sign-out paths (the server action and POST /api/auth/signout) end the session server-side,
    // so a copied cookie stops working too.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string" && typeof token.agentId === "string") await endAgentSession(token.sid, token.agentId);
    },
  },
});
