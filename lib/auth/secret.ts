import fs from "node:fs";
import path from "node:path";
import { randomToken } from "../crypto";

let cached: string | undefined;

/** AUTH_SECRET, or outside production a generated one kept under .data/ so sessions survive restarts. */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (cached) return cached;
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (fs.existsSync(file)) {
    cached = fs.readFileSync(file, "utf8").trim();
    return cached;
  }
  if (process.env.DEXRA_ENV === "production") {
    throw new Error("AUTH_SECRET must be set in production (DEXRA_ENV=production)");
  }
  cached = randomToken(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, cached, { mode: 0o600 });
  console.warn(`AUTH_SECRET is not set: generated one and kept it in ${file}. Set AUTH_SECRET for real deployments.`);
  return cached;
}
