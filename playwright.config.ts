import { defineConfig } from "@playwright/test";
import { assertLocalTestDatabase } from "./lib/testing/local-database";

assertLocalTestDatabase();
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const HEAVY = /(scale-out|api-fuzz)\.spec\.ts/;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "on-first-retry",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], testIgnore: HEAVY, use: { storageState: "e2e/.auth/sarah.json" } },
    // Extra app instances, workers and thousands of requests: run after the rest so their load on two cores does not
    // turn the other specs' few-second waits into timeouts.
    { name: "heavy", dependencies: ["chromium"], testMatch: HEAVY, use: { storageState: "e2e/.auth/sarah.json" } },
  ],
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DEXRA_WEBHOOK_ALLOW_PRIVATE: "1",
      // e2e/email.spec.ts starts the catcher SMTP server and talks to the inbound listener on these ports.
      DEXRA_SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_CATCHER_PORT ?? 2558}`,
      DEXRA_INBOUND_SMTP_PORT: process.env.E2E_INBOUND_SMTP_PORT ?? "2559",
      DEXRA_INBOUND_SMTP_HOST: "127.0.0.1",
    },
  },
});
