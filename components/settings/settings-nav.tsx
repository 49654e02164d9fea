"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  ["organization", "Organization"],
  ["agents", "Agents"],
  ["teams", "Teams"],
  ["api-keys", "API keys"],
  ["webhooks", "Webhooks"],
  ["channels", "Channels"],
  ["tags", "Tags"],
  ["custom-attributes", "Custom attributes"],
  ["canned-replies", "Canned replies"],
  ["business-hours", "Business hours"],
  ["automation", "Automation"],
  ["widget", "Chat widget"],
  ["slas", "SLAs"],
  ["audit", "Audit log"],
] as const;

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="lg:w-52 lg:shrink-0">
      <ul className="flex gap-1 overflow-x-auto pb-2 lg:flex-col lg:overflow-visible lg:pb-0">
        {ITEMS.map(([slug, label]) => {
          const href = `/settings/${slug}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={slug}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm ${
                  active
                    ? "bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                    : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
