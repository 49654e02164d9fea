import { redirect } from "next/navigation";
import { requireAgent } from "@/lib/auth/require-agent";

export default async function SettingsIndex() {
  await requireAgent({ role: "admin" });
  redirect("/settings/organization");
}
