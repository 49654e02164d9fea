import { enterSandboxAction, leaveSandboxAction } from "../sandbox-actions";
import { buttonClass, secondaryButtonClass } from "../styles";

export function SandboxSwitch({ sandbox }: { sandbox: boolean }) {
  return (
    <form action={sandbox ? leaveSandboxAction : enterSandboxAction} className="flex flex-wrap items-center gap-3">
      <p className="text-sm">
        Showing <strong>{sandbox ? "sandbox" : "live"}</strong> data.
      </p>
      <button type="submit" className={sandbox ? buttonClass : secondaryButtonClass}>
        {sandbox ? "Switch to live data" : "Switch to sandbox data"}
      </button>
    </form>
  );
}
