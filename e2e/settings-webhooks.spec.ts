import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

test("an admin adds a webhook endpoint, sends a test event, sees the delivery logged, and redelivers it", async ({ page }) => {
  const received: { id: string; type: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ id: String(req.headers["webhook-id"]), type: JSON.parse(body).type });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  try {
    await page.goto("/settings/webhooks");
    await page.getByLabel("Endpoint URL").fill(url);
    // Only an event no other spec causes: the demo organization's traffic from specs running alongside must not reach
    // this receiver (the test event goes to this endpoint whatever it subscribes to).
    await page.getByRole("checkbox", { name: "All events (including future ones)" }).uncheck();
    await page.getByRole("checkbox", { name: "user_anonymized" }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
    await page.getByRole("link", { name: "Open the endpoint" }).click();

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    expect(received[0]!.type).toBe("webhook_test");
    const delivery = page.locator("[data-testid^=delivery-]");
    await expect(async () => {
      await page.reload();
      await expect(delivery).toContainText("succeeded", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(delivery).toContainText("#1: 200");

    await delivery.getByRole("button", { name: /Redeliver/ }).click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    expect(received[1]!.id).toBe(received[0]!.id); // the same webhook-id, so receivers can de-duplicate
    await expect(async () => {
      await page.reload();
      await expect(delivery).toContainText("#2: 200", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    receiver.close();
  }
});
