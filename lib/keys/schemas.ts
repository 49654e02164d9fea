import { z } from "zod";

export const createKeySchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100, "at most 100 characters"),
  kind: z.enum(["server", "client"], { message: "choose server or client" }),
  mode: z.enum(["live", "test"], { message: "choose live or test" }),
});

export const revokeKeySchema = z.object({ prefix: z.string().regex(/^(sk|pk)_(live|test)_[A-Za-z0-9]{8}$/, "not a key prefix") });
