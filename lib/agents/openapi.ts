import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { pageOf } from "../conversations/openapi";
import { listQuerySchema } from "../pagination/page-list";
import { idParams, json, registerOperation } from "../openapi/common";

export const agentResponseSchema = z
  .strictObject({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["owner", "admin", "agent"]),
    teams: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
    active: z.boolean().meta({ description: "false once deactivated" }),
    availability: z.enum(["online", "offline"]).meta({ description: "online while the agent has the inbox open" }),
  })
  .meta({ id: "Agent" });

export function registerAgentPaths(registry: OpenAPIRegistry) {
  const tags = ["Agents"];
  registerOperation(registry, {
    method: "get", path: "/api/v1/agents/", tags, keys: ["server"], summary: "List agents",
    request: { query: listQuerySchema }, success: { 200: json(pageOf(agentResponseSchema, "AgentPage"), "A page of agents") },
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/agents/{id}/", tags, keys: ["server"], summary: "Get an agent",
    request: { params: idParams() }, success: { 200: json(agentResponseSchema, "The agent") }, errors: [404],
  });
}
