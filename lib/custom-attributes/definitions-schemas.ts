import { z } from "zod";
import { checkboxSchema, uuidSchema } from "../settings/parse";

export const attributeEntities = ["conversation", "end_user"] as const;
export const attributeTypes = ["text", "number", "boolean", "date", "select"] as const;

/** Options come as a list from code, or one per line from the form's textarea. */
const optionsSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n|,/) : v),
  z.array(z.string().trim().max(100, "options are at most 100 characters")).transform((list) => [...new Set(list.filter(Boolean))]),
).pipe(z.array(z.string()).max(100, "at most 100 options"));

const labelSchema = z.string().trim().min(1, "label is required").max(100, "at most 100 characters");

function requireOptionsForSelect(value: { type?: string; options: string[] }, ctx: z.RefinementCtx) {
  if (value.type === "select" && value.options.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "a select needs at least one option" });
}

export const createDefinitionSchema = z
  .object({
    entity: z.enum(attributeEntities, { message: "choose conversation or end user" }),
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/, "lowercase letters, digits and _, starting with a letter"),
    label: labelSchema,
    type: z.enum(attributeTypes, { message: "choose a type" }),
    options: optionsSchema.default([]),
    required: checkboxSchema,
    public: checkboxSchema,
  })
  .superRefine(requireOptionsForSelect);

// Key, entity and type are fixed once values may exist; label, options and required can change.
export const updateDefinitionSchema = z.object({
  id: uuidSchema,
  label: labelSchema,
  options: optionsSchema.default([]),
  required: checkboxSchema,
  public: checkboxSchema,
});

export const deleteDefinitionSchema = z.object({ id: uuidSchema });
