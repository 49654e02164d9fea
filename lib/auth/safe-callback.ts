/** Only same-site paths: an absolute or protocol-relative callback would be an open redirect. */
export const safeCallback = (value: unknown) =>
  typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/inbox";
