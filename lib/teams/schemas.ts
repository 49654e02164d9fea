import { z } from "zod";
import { uuidSchema } from "../settings/parse";

export const teamNameSchema = z.string().trim().min(1, "name is required").max(80, "at most 80 characters");

export const createTeamSchema = z.object({ name: teamNameSchema });
export const renameTeamSchema = z.object({ id: uuidSchema, name: teamNameSchema });
export const deleteTeamSchema = z.object({ id: uuidSchema });
export const setTeamMembersSchema = z.object({ id: uuidSchema, agentIds: z.array(uuidSchema).max(500).default([]) });

/** The API's shapes (strict: unknown fields are a 400). */
export const apiTeamSchema = z.strictObject({ name: teamNameSchema });
export const apiTeamMembersSchema = z.strictObject({ agent_ids: z.array(uuidSchema).max(500) });
