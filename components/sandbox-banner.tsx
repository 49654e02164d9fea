/** Makes it obvious that the UI shows the organization's sandbox (test data), not live data. */
export function SandboxBanner({ sandbox }: { sandbox: boolean }) {
  if (!sandbox) return null;
  return (
    <div role="region" aria-label="Sandbox mode" className="bg-amber-400 px-4 py-1 text-center text-sm font-medium text-amber-950">
      Sandbox: you are looking at test data, separate from live conversations.
    </div>
  );
}
