import { z } from "zod";
import { invalid } from "../errors";
import { issuesToFieldErrors } from "./form-data";

/** Parses with the shared schema; failures become a validation_error whose details name each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = issuesToFieldErrors(parsed.error.issues);
  const details = Object.entries(fields).map(([field, message]) => ({ field, message }));
  throw invalid(details[0] ? `${details[0].field}: ${details[0].message}` : "invalid input", details);
}

/** A checkbox: "on" from a form, or a boolean from code. */
export const checkboxSchema = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const uuidSchema = z.uuid({ message: "not a valid id" });
