import { leaveSandboxAction } from "./settings/sandbox-actions";

/** Shown on every signed-in page while the session looks at sandbox data, so nobody mistakes it for live. */
export function SandboxBanner({ sandbox }: { sandbox: boolean }) {
  if (!sandbox) return null;
  return (
    <div role="region" aria-label="Sandbox mode" className="flex flex-wrap items-center justify-between gap-2 bg-amber-400 px-4 py-2 text-sm font-medium text-amber-950 dark:bg-amber-500">
      <p>
        <span className="mr-2 rounded bg-amber-950 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-amber-300">Sandbox</span>
        You are viewing sandbox data, the data test keys (<code>sk_test_</code>, <code>pk_test_</code>) see. Live data is not shown or changed.
      </p>
      <form action={leaveSandboxAction}>
        <button type="submit" className="rounded-md bg-amber-950 px-3 py-1 text-amber-50 hover:bg-amber-900">Switch to live data</button>
      </form>
    </div>
  );
}
