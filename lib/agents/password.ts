import { hash, verify } from "@node-rs/bcrypt";

// Native bcrypt (Rust) run on libuv's thread pool: hashing never blocks the event loop, so failed
// sign-ins cannot slow every other request. Hashes stay standard bcrypt, so existing ones keep working.
const COST = 10;

export const hashPassword = (password: string) => hash(password, COST);
export const verifyPassword = (password: string, passwordHash: string) => verify(password, passwordHash).catch(() => false);
