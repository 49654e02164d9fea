"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeCallback } from "@/lib/auth/safe-callback";

export type LoginState = { error: string | null; email: string };

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirectTo: safeCallback(form.get("callbackUrl")) });
    return { error: null, email };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // the success redirect travels as an error too
    const code = "code" in error ? String(error.code) : "";
    if (code.startsWith("throttled:")) {
      const minutes = code.split(":")[1];
      return { email, error: `Too many failed sign-in attempts for this email. Try again in ${minutes} minute${minutes === "1" ? "" : "s"}.` };
    }
    return { email, error: "Incorrect email or password." };
  }
}
