import { expect, test as setup } from "@playwright/test";
import { DEMO, logIn } from "./fixtures";

setup("sign in as the demo owner", async ({ page }) => {
  await logIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/inbox/);
  await page.context().storageState({ path: "e2e/.auth/sarah.json" });
});
