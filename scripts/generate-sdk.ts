/**
 * `npm run sdk:generate`: writes sdk/openapi.json and the types generated from it (sdk/src/schema.ts), then
 * compiles the SDK to sdk/dist. sdk/sdk.test.ts fails when the committed files are stale.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sdkSources } from "../lib/openapi/sdk-sources";

for (const [file, contents] of Object.entries(await sdkSources())) {
  fs.writeFileSync(path.join(process.cwd(), file), contents);
  console.error(`wrote ${file}`);
}
execFileSync(path.join(process.cwd(), "node_modules/.bin/tsc"), ["-p", "sdk/tsconfig.json"], { stdio: "inherit" });
console.error("compiled sdk/dist");
