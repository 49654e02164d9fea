"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireAgent, SANDBOX_COOKIE } from "@/lib/auth/require-agent";

/** Admins switch the whole UI to the sandbox organization's data (what test keys see). */
export async function enterSandboxAction() {
  await requireAgent({ role: "admin" });
  (await cookies()).set(SANDBOX_COOKIE, "1", { httpOnly: true, sameSite: "lax", path: "/", secure: process.env.NODE_ENV === "production" && process.env.AUTH_URL?.startsWith("https") });
  revalidatePath("/", "layout");
}

/** Anyone signed in may leave the sandbox: it only removes a view preference. */
export async function leaveSandboxAction() {
  await requireAgent();
  (await cookies()).delete(SANDBOX_COOKIE);
  revalidatePath("/", "layout");
}
