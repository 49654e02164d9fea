import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A server module that imports a plain value (a string, a constant, a helper) from a "use client" module does not
// get the value: it gets a client reference, which the browser resolves by loading that module's chunk while it
// hydrates. The root layout put such a reference into <head> and hydration failed with #418 whenever the chunk
// came late (issue 11). Server modules may take only components from client modules; shared values live in a
// module without "use client" (as components/theme-script.ts does).

const root = path.resolve(import.meta.dirname, "..");
const SOURCE = /\.tsx?$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return SOURCE.test(entry.name) && !entry.name.includes(".test.") ? [rel] : [];
  });
}

const isClientModule = (file: string) => /^\s*["']use client["']/.test(fs.readFileSync(path.join(root, file), "utf8"));

function resolveImport(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (fs.existsSync(path.join(root, candidate))) return candidate;
  return null;
}

/** Component names: PascalCase with at least one lower-case letter (ThemeToggle, not GRACE_PERIODS or themeScript). */
const isComponentName = (name: string) => /^[A-Z][A-Za-z0-9]*$/.test(name) && /[a-z]/.test(name);

/** Named value imports a server module takes from a client module, other than components. */
function valuesImportedFromClientModules(files: string[]): string[] {
  const client = new Set(files.filter(isClientModule));
  const found: string[] = [];
  for (const file of files) {
    if (client.has(file)) continue;
    const text = fs.readFileSync(path.join(root, file), "utf8");
    for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']([^"']+)["']/g)) {
      const target = match[1] ? null : resolveImport(match[3]!, file);
      if (!target || !client.has(target)) continue;
      const names = match[2]!.split(",").map((n) => n.trim()).filter((n) => n && !n.startsWith("type "));
      for (const name of names) if (!isComponentName(name.split(/\s+as\s+/)[0]!)) found.push(`${file}: ${name} from ${target}`);
    }
  }
  return found;
}

describe("the server/client boundary", () => {
  const files = [...sourceFiles("app"), ...sourceFiles("components")];

  it("finds the client modules it checks against", () => {
    expect(files.filter(isClientModule)).toContain(path.join("components", "theme-toggle.tsx"));
  });

  it("server modules take only components from client modules", () => {
    expect(valuesImportedFromClientModules(files)).toEqual([]);
  });
});
