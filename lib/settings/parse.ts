import { z } from "zod";
import { assertNoNul } from "../api/read-body";
import { invalid } from "../errors";

/** Parses with the shared schema; failures become a validation_error whose details name each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertNoNul(input, "The form");
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Same details shape as the API's error mapper: { path, message }.
  const details = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  const first = details[0];
  throw invalid(first ? `${first.path.join(".") || "input"}: ${first.message}` : "invalid input", details);
}

/** A checkbox: "on" from a form, or a boolean from code. */
export const checkboxSchema = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const uuidSchema = z.uuid({ message: "not a valid id" });
