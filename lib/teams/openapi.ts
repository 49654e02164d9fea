import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { pageOf } from "../conversations/openapi";
import { listQuerySchema } from "../pagination/page-list";
import { idParams, json, registerOperation } from "../openapi/common";
import { apiTeamMembersSchema, apiTeamSchema } from "./schemas";

export const teamResponseSchema = z
  .strictObject({ id: z.uuid(), name: z.string(), agent_ids: z.array(z.uuid()), created_at: z.iso.datetime() })
  .meta({ id: "Team" });

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });

export function registerTeamPaths(registry: OpenAPIRegistry) {
  const tags = ["Teams"];
  const params = idParams();
  const team = (d: string) => ({ 200: json(teamResponseSchema, d) });
  registerOperation(registry, {
    method: "get", path: "/api/v1/teams/", tags, keys: ["server"], summary: "List teams",
    request: { query: listQuerySchema }, success: { 200: json(pageOf(teamResponseSchema, "TeamPage"), "A page of teams") },
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/teams/", tags, keys: ["server"], summary: "Create a team", description: "Audited; emits `team_created`.",
    request: body(apiTeamSchema), success: { 201: json(teamResponseSchema, "The new team") },
  });
  registerOperation(registry, { method: "get", path: "/api/v1/teams/{id}/", tags, keys: ["server"], summary: "Get a team", request: { params }, success: team("The team"), errors: [404] });
  registerOperation(registry, {
    method: "patch", path: "/api/v1/teams/{id}/", tags, keys: ["server"], summary: "Rename a team", description: "Audited; emits `team_updated`.",
    request: { params, ...body(apiTeamSchema) }, success: team("The team"), errors: [404],
  });
  registerOperation(registry, {
    method: "delete", path: "/api/v1/teams/{id}/", tags, keys: ["server"], summary: "Delete a team",
    description: "Its conversations stay, without a team. Audited; emits `team_deleted`.",
    request: { params }, success: { 200: json(z.object({ id: z.uuid() }), "Deleted") }, errors: [404],
  });
  registerOperation(registry, {
    method: "put", path: "/api/v1/teams/{id}/members/", tags, keys: ["server"], summary: "Set a team's members",
    description: "Replaces the member list; every id must be an agent of the organization. Audited; emits `team_members_updated`.",
    request: { params, ...body(apiTeamMembersSchema) }, success: team("The team"), errors: [404],
  });
}
