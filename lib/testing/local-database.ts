/** Tests write freely, so they refuse any database that is not a real PostgreSQL on this machine. */
export function assertLocalTestDatabase(url = process.env.DATABASE_URL) {
  if (!url) throw new Error("Tests need DATABASE_URL (a throwaway local PostgreSQL); run them with `npm test`.");
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against non-local database host ${host}`);
  }
}
