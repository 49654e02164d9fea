import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Server actions are public endpoints. The lib tests prove each settings function refuses a plain agent;
// this walk proves every exported settings action goes through the role check first, so an action
// added later without it fails here.
const actionFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? actionFiles(full) : entry.name === "actions.ts" ? [full] : [];
  });

const files = [...actionFiles("components/settings"), "components/settings/sandbox-actions.ts"];

const exportedActions = (source: string) =>
  source
    .split(/^export async function /m)
    .slice(1)
    .map((chunk) => ({ name: chunk.slice(0, chunk.indexOf("(")), body: chunk }));

describe("settings server actions", () => {
  it("are found", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    it(`${path.dirname(file)}: every action checks the role on the server`, () => {
      expect(source.startsWith('"use server";')).toBe(true);
      const actions = exportedActions(source);
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) {
        expect(action.body, action.name).toMatch(/settingsAction\(\{\s*role: "(admin|owner)"|requireAgent\(/);
      }
    });
  }
});
