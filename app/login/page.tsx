import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getAgentSession } from "@/lib/auth/require-agent";
import { safeCallback } from "@/lib/auth/safe-callback";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await getAgentSession()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-1 text-2xl font-semibold">Sign in to Dexra</h1>
        <p className="mb-6 text-sm text-slate-500 dark:text-slate-400">Agents sign in with their email and password.</p>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
