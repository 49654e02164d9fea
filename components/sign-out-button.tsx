import { signOutAction } from "@/app/inbox/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-200 dark:hover:bg-slate-800">Sign out</button>
    </form>
  );
}
