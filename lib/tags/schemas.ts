import { z } from "zod";
import { uuidSchema } from "../settings/parse";

export const tagNameSchema = z.string().trim().min(1, "name is required").max(50, "at most 50 characters");
export const tagColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a color like #64748b is required");

export const createTagSchema = z.object({ name: tagNameSchema, color: tagColorSchema });
export const updateTagSchema = z.object({ id: uuidSchema, name: tagNameSchema, color: tagColorSchema });
export const deleteTagSchema = z.object({ id: uuidSchema });

/** The API's shapes: a color is optional on create (the default grey) and every field optional on PATCH. */
export const apiCreateTagSchema = z.strictObject({ name: tagNameSchema, color: tagColorSchema.default("#64748b") });
export const apiUpdateTagSchema = z.strictObject({ name: tagNameSchema.optional(), color: tagColorSchema.optional() });
