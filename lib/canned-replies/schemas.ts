import { z } from "zod";
import { checkboxSchema, uuidSchema } from "../settings/parse";
import { unknownPlaceholders } from "./placeholders";

const fields = {
  title: z.string().trim().min(1, "title is required").max(100, "at most 100 characters"),
  shortcut: z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{1,32}$/, "1–32 lowercase letters, digits, - or _"),
  body: z
    .string()
    .trim()
    .min(1, "body is required")
    .max(10_000, "at most 10,000 characters")
    .refine((body) => unknownPlaceholders(body).length === 0, { message: "unknown placeholder: use the ones listed below the editor" }),
  shared: checkboxSchema,
};

export const createCannedReplySchema = z.object(fields);
export const updateCannedReplySchema = z.object({ id: uuidSchema, ...fields });
export const deleteCannedReplySchema = z.object({ id: uuidSchema });

/** The API's shapes: strict; a key writes shared templates; PATCH changes only the fields sent. */
export const apiCreateCannedReplySchema = z.strictObject({ title: fields.title, shortcut: fields.shortcut, body: fields.body });
export const apiUpdateCannedReplySchema = apiCreateCannedReplySchema.partial();
export const renderCannedReplySchema = z.strictObject({ conversation_id: z.string().min(1, "conversation_id is required") });
