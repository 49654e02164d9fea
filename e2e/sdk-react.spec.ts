import path from "node:path";
import { build } from "esbuild";
import { expect, test } from "@playwright/test";

// <DexraChat /> from sdk/ (built with esbuild, which tsx brings), mounted and unmounted in a real browser page.
const ENTRY = `
import { createElement, useState } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { DexraChat } from "./sdk/src/react";
const root = createRoot(document.getElementById("root"));
window.mount = (user) => flushSync(() => root.render(createElement(DexraChat, { appUrl: "http://127.0.0.1:9/", clientKey: "pk_test_abc", user })));
window.unmount = () => flushSync(() => root.render(null));
`;

test("DexraChat adds the widget loader once, queues identify before it loads, and resets on unmount", async ({ page }) => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: path.resolve("."), loader: "tsx" },
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  await page.route("http://127.0.0.1:9/**", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "window.__loaderRan = true;" }));
  await page.setContent('<div id="root"></div>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });

  await page.evaluate(() => (window as any).mount({ email: "jane@example.com", user_hash: "abc123", first_name: "Jane" }));
  const script = page.locator("script#dexra-widget-loader");
  await expect(script).toHaveAttribute("src", "http://127.0.0.1:9/widget.js");
  await expect(script).toHaveAttribute("data-dexra-key", "pk_test_abc");
  await expect.poll(() => page.evaluate(() => (window as any).__loaderRan)).toBe(true);
  expect(await page.evaluate(() => (window as any).Dexra.q)).toEqual([["identify", { email: "jane@example.com", user_hash: "abc123", first_name: "Jane" }]]);

  await page.evaluate(() => (window as any).mount({ email: "jane@example.com", user_hash: "abc123", first_name: "Jane" }));
  await expect(page.locator("script#dexra-widget-loader")).toHaveCount(1);
  await page.evaluate(() => (window as any).unmount());
  expect(await page.evaluate(() => (window as any).Dexra.q.at(-1))).toEqual(["reset"]);
});
