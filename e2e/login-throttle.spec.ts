import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { dexra, logIn } from "./fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

test("guessing at an agent's email never locks the agent out of a browser it signed in from", async ({ browser }) => {
  test.setTimeout(90_000);
  const email = `lockout-${randomUUID().slice(0, 8)}@example.test`;
  dexra("create-org", "--name", "Lockout Co", "--owner-email", email, "--owner-password", "right-password-1");

  const agent = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const agentPage = await agent.newPage();
  await logIn(agentPage, email, "right-password-1");
  await expect(agentPage).toHaveURL(/\/inbox/);
  expect((await agent.cookies()).find((c) => c.name === "dexra_device")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await agentPage.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(agentPage).toHaveURL(/\/login/);

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const strangerPage = await stranger.newPage();
  for (let i = 0; i < 5; i++) {
    await logIn(strangerPage, email, `guess-${i}`);
    await expect(strangerPage.locator("form").getByRole("alert")).toBeVisible({ timeout: 15_000 });
  }
  await logIn(strangerPage, email, "right-password-1");
  await expect(strangerPage.locator("form").getByRole("alert")).toContainText("Too many failed sign-in attempts");

  await logIn(agentPage, email, "right-password-1");
  await expect(agentPage).toHaveURL(/\/inbox/);
  await agent.close();
  await stranger.close();
});
