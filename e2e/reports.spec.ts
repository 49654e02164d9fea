import { expect, test } from "@playwright/test";
import { logIn } from "./fixtures";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("a manager opens Reports, sees the chart, clicks a number and lands on the matching conversations", async ({ page }) => {
  await page.goto("/inbox");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(page.getByText("The whole team")).toBeVisible();

  // Ninety days of the demo's history, with the form as a manager would fill it.
  await page.getByLabel("From").fill(day(-90));
  await page.getByLabel("To (not included)").fill(day(1));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=/);
  const chart = page.getByTestId("report-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Agents" }).getByRole("row")).not.toHaveCount(0);

  const created = Number(await page.getByTestId("metric-created").innerText());
  expect(created).toBeGreaterThan(500);
  const resolved = Number(await page.getByTestId("metric-resolved").innerText());

  // The CSV export counts the same conversations.
  const csvHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await (await page.request.get(csvHref!)).text();
  const rows = csv.trim().split("\r\n").slice(1);
  expect(rows.filter((r) => r.includes(",true,")).length).toBeGreaterThanOrEqual(created);

  // A bar of the chart opens the conversations of its day; its tooltip's count is the drill-down's.
  const bar = chart.locator(".recharts-bar").first().locator(".recharts-bar-rectangle path").nth(-3);
  await bar.hover();
  const tip = page.locator(".recharts-tooltip-item").filter({ hasText: "Created" }).locator(".recharts-tooltip-item-value");
  const barCount = Number(await tip.innerText());
  expect(barCount).toBeGreaterThan(0);
  await bar.click();
  await expect(page).toHaveURL(/\/reports\/conversations\?.*metric=created/);
  await expect(page.getByTestId("drilldown-count")).toHaveText(String(barCount));
  await page.goBack();

  // A cell of the busiest-hours heatmap opens the conversations created in that weekday's hour.
  const cell = page.getByTestId("heatmap-cell").first();
  const cellCount = (await cell.getAttribute("title"))!.split(" · ")[1]!;
  await cell.click();
  await expect(page.getByRole("heading", { name: /Conversations created, \w+day \d+:00–\d+:00/ })).toBeVisible();
  await expect(page.getByTestId("drilldown-count")).toHaveText(cellCount);
  await page.goBack();

  // An agent's CSAT in the table opens the ratings it averages.
  const csatLink = page.getByRole("region", { name: "Agents" }).getByTestId("breakdown-csat").first();
  const ratings = /\((\d+)\)/.exec(await csatLink.innerText())![1]!;
  await csatLink.click();
  await expect(page).toHaveURL(/metric=rated/);
  await expect(page.getByTestId("drilldown-count")).toHaveText(ratings);
  await page.goBack();

  // SLA attainment, from the demo's few breaches; its number opens the breached conversations.
  await expect(page.getByTestId("metric-sla")).toHaveText(/^\d+(\.\d)?%$/);
  const breached = Number(await page.getByTestId("metric-sla-breached").innerText());
  expect(breached).toBeGreaterThan(0);
  await page.getByTestId("metric-sla").click();
  await expect(page).toHaveURL(/\/reports\/conversations\?.*metric=sla_breached/);
  await expect(page.getByRole("heading", { name: /SLA breached/ })).toBeVisible();
  await expect(page.getByTestId("drilldown-count")).toHaveText(String(breached));
  await page.goBack();

  await page.getByTestId("metric-resolved").click();
  await expect(page).toHaveURL(/\/reports\/conversations\?.*metric=resolved/);
  await expect(page.getByRole("heading", { name: /Conversations resolved/ })).toBeVisible();
  await expect(page.getByTestId("drilldown-count")).toHaveText(String(resolved));
  await expect(page.getByTestId("drilldown-row")).toHaveCount(Math.min(resolved, 1000));

  // Each conversation opens in the inbox.
  const first = page.getByTestId("drilldown-row").first().getByRole("link");
  const subject = await first.innerText();
  await first.click();
  await expect(page).toHaveURL(/\/inbox\?view=all&c=\d+/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: subject })).toBeVisible({ timeout: 20_000 });
});

/** A real team or agent in a filter select (not "All …", "No team" or "Unassigned"). */
const NAMED_OPTION = 'option:not([value=""]):not([value="none"])';

test("a manager narrows the report by team, agent, time zone and business hours; the drill-down keeps the filters", async ({ page }) => {
  await page.goto(`/reports?from=${day(-90)}&to=${day(1)}`);
  const total = Number(await page.getByTestId("metric-created").innerText());

  const filters = page.getByRole("form", { name: "Report filters" });
  const team = filters.getByLabel("Team");
  const teamName = (await team.locator(NAMED_OPTION).first().innerText()).trim();
  await team.selectOption({ label: teamName });
  await filters.getByLabel("Time zone").fill("Asia/Tokyo");
  await page.getByLabel("Business hours only").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/team=.*business_hours=true|business_hours=true.*team=/);
  await expect(page.getByText(/\(Asia\/Tokyo\)\. Durations in business hours/)).toBeVisible();
  const forTeam = Number(await page.getByTestId("metric-created").innerText());
  expect(forTeam).toBeGreaterThan(0);
  expect(forTeam).toBeLessThan(total);

  // One agent: the Agents table shows only them.
  const agent = filters.getByLabel("Agent");
  const agentName = (await agent.locator(NAMED_OPTION).first().innerText()).trim();
  await agent.selectOption({ label: agentName });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/agent=/);
  const rows = page.getByRole("region", { name: "Agents" }).getByRole("row");
  await expect(rows).toHaveCount(2); // the header and the agent
  await expect(rows.nth(1)).toContainText(agentName);
  const resolved = await page.getByTestId("metric-resolved").innerText();
  await page.getByTestId("metric-resolved").click();
  await expect(page).toHaveURL(/metric=resolved/);
  expect(page.url()).toMatch(/agent=/);
  expect(page.url()).toMatch(/team=/);
  expect(page.url()).toMatch(/time_zone=Asia%2FTokyo/);
  await expect(page.getByTestId("drilldown-count")).toHaveText(resolved);
});

test.describe("a plain agent", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sees only their own numbers, without the agent and team tables of the whole team", async ({ page }) => {
    await logIn(page, "alex@example.com", "dexra-demo");
    await expect(page).toHaveURL(/\/inbox/);
    await page.goto(`/reports?from=${day(-90)}&to=${day(1)}`);
    await expect(page.getByText("Your own conversations")).toBeVisible();
    await expect(page.getByLabel("Agent")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Teams" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "You" })).toBeVisible();
  });
});
