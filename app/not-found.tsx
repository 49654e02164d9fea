import Link from "next/link";

/** Unknown pages and pages above the agent's role (settings do not reveal they exist) look the same: a way back. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-lg font-semibold">This page isn&apos;t available</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          It does not exist, or your role cannot open it. An owner or admin of your organization can change what you can see.
        </p>
        <div className="mt-4 flex justify-center gap-2">
          <Link href="/inbox" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">Back to the inbox</Link>
          <Link href="/profile" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Your profile</Link>
        </div>
      </div>
    </main>
  );
}
