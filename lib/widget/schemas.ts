import { z } from "zod";

const lines = (v: unknown) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v);

/** "example.com", "*.example.com", or a full origin "https://shop.example.com:8443". */
const domainPattern = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(https?:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/, "use example.com, *.example.com or https://example.com:8443");

export const preChatFieldSchema = z.strictObject({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, "lowercase letters, digits and _"),
  label: z.string().trim().min(1, "required").max(80),
  type: z.enum(["text", "email"]).default("text"),
  required: z.boolean().default(false),
});

/** Pre-chat fields from the settings form: one per line, `key | Label | text|email | required`. */
const preChatFieldsSchema = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => {
            const [key = "", label = "", type = "text", required = ""] = line.split("|").map((p) => p.trim());
            return { key, label, type: type || "text", required: required === "required" };
          })
      : v,
  z.array(preChatFieldSchema).max(5, "at most 5 pre-chat fields"),
);

export const widgetSettingsSchema = z.object({
  color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #4f46e5"),
  position: z.enum(["left", "right"]),
  greeting: z.string().trim().max(200),
  launcher_label: z.string().trim().min(1, "required").max(40),
  pre_chat_fields: preChatFieldsSchema.default([]),
  allowed_domains: z.preprocess(lines, z.array(domainPattern).max(50)).default([]),
});
export type WidgetSettingsInput = z.input<typeof widgetSettingsSchema>;

/** What the messenger may tell the widget session about the visitor (SBUser and identify()). */
export const widgetProfileSchema = z.strictObject({
  email: z.email().max(320).optional(),
  first_name: z.string().trim().max(100).optional(),
  last_name: z.string().trim().max(100).optional(),
  custom_attributes: z.record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).optional(),
});
export type WidgetProfile = z.infer<typeof widgetProfileSchema>;

export const widgetTypingSchema = z.strictObject({ conversation_id: z.uuid(), typing: z.boolean() });

/** POST /api/widget/visitor: the name from the pre-chat form, if any, for the new anonymous visitor. */
export const anonymousVisitorSchema = z.strictObject({ first_name: z.string().trim().min(1).max(200).optional() });
