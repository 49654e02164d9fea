import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";

export const DEMO = { email: "sarah@example.com", password: "dexra-demo", org: "Acme Support" };

/** Runs the admin command line against the test database and returns its one JSON object. */
export function dexra(...args: string[]): Record<string, string> {
  const out = execFileSync("node_modules/.bin/tsx", ["scripts/dexra.ts", ...args, "--json"], { encoding: "utf8", env: process.env });
  return JSON.parse(out.trim().split("\n").pop()!);
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
