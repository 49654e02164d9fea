import { signOutAction, signOutEverywhereAction } from "@/components/sign-out-actions";

const buttonClass = "rounded-md px-3 py-1.5 text-sm hover:bg-slate-200 dark:hover:bg-slate-800";

export function SignOutButton() {
  return (
    <form action={signOutAction} className="flex items-center">
      <button type="submit" className={buttonClass}>Sign out</button>
      <button type="submit" formAction={signOutEverywhereAction} className={`${buttonClass} hidden text-slate-500 md:inline`}
        title="Sign out everywhere: end every session of your account, on every device">
        End all sessions
      </button>
    </form>
  );
}
