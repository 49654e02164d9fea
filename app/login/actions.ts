"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { DEVICE_COOKIE_MAX_AGE_S, knownDeviceCookie, knownDeviceId } from "@/lib/auth/known-device";
import { DEVICE_COOKIE } from "@/lib/auth/login-client";
import { safeCallback } from "@/lib/auth/safe-callback";

export type LoginState = { error: string | null; email: string };

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = "code" in error ? String(error.code) : "";
    if (code.startsWith("throttled:")) {
      const minutes = code.split(":")[1];
      return { email, error: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === "1" ? "" : "s"}.` };
    }
    return { email, error: "Incorrect email or password." };
  }
  await rememberDevice(email);
  redirect(safeCallback(form.get("callbackUrl")));
}

/** Marks this browser as known for the email, so failed attempts by others never lock it out. */
async function rememberDevice(email: string) {
  const jar = await cookies();
  const normalized = email.trim().toLowerCase();
  const deviceId = knownDeviceId(jar.get(DEVICE_COOKIE)?.value, normalized) ?? undefined;
  const secure = (await headers()).get("x-forwarded-proto") === "https" || Boolean(process.env.AUTH_URL?.startsWith("https:"));
  jar.set(DEVICE_COOKIE, knownDeviceCookie(normalized, deviceId), { httpOnly: true, sameSite: "lax", path: "/", maxAge: DEVICE_COOKIE_MAX_AGE_S, secure });
}
