import type { OpenAPIRegistry, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_error" }),
      message: z.string().meta({ example: "subject is required" }),
      details: z.array(z.unknown()),
    }),
  })
  .meta({ id: "Error", description: "Every non-2xx answer has this shape." });

const ERRORS: Record<number, string> = {
  400: "Invalid input (malformed JSON, wrong types, unknown fields or enum values)",
  401: "Missing, malformed, unknown or revoked key, or (client keys) no verified end-user identity",
  403: "A client key on a server-only endpoint",
  404: "Not found, or belongs to another organization or end user",
  409: "Conflict",
  413: "Body above 1 MiB",
  415: "A file of a type that is refused (programs and scripts)",
  422: "Idempotency-Key reused with a different body",
  429: "Rate limit exceeded (see Retry-After)",
};

export type Keys = "server" | "client";

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

export const idParams = (name = "id") => z.object({ [name]: z.uuid() });

/**
 * Registers one operation with the conventions every /api/v1 route shares: bearer auth (server and/or client
 * keys), the JSON error answers, rate-limit headers, and Idempotency-Key on POST.
 */
export function registerOperation(
  registry: OpenAPIRegistry,
  config: Omit<RouteConfig, "responses"> & { keys: Keys[]; success: RouteConfig["responses"]; errors?: number[] },
) {
  const { keys, success, errors = [], ...route } = config;
  const codes = [...new Set([400, 401, ...(keys.includes("client") ? [] : [403]), ...errors, 413, 429])].sort();
  const responses: RouteConfig["responses"] = { ...success };
  for (const code of codes) if (!(config.method === "get" && code === 413)) responses[code] = json(errorSchema, ERRORS[code]!);
  const who = keys.length === 2 ? "Server or client key." : "Server key only.";
  registry.registerPath({
    ...route,
    description: [route.description, who].filter(Boolean).join("\n\n"),
    security: keys.map((k) => ({ [k === "server" ? "serverKey" : "clientKey"]: [] })),
    request: {
      ...route.request,
      headers: route.method === "post" ? z.object({ "Idempotency-Key": z.string().max(255).optional() }) : route.request?.headers,
    },
    responses,
  });
}
