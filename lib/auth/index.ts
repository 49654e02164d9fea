import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
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
      async authorize(credentials) {
        const result = await verifyCredentials(credentials);
        if (result.ok) return { ...result.agent };
        if (result.reason === "throttled") throw new ThrottledSignin(result.retryInMinutes);
        return null;
      },
    }),
  ],
});
