import { pgEnum } from "drizzle-orm/pg-core";

export const agentRole = pgEnum("agent_role", ["owner", "admin", "agent"]);
export const agentAvailability = pgEnum("agent_availability", ["online", "away", "offline"]);
export const conversationStatus = pgEnum("conversation_status", ["open", "pending", "snoozed", "resolved", "closed"]);
// Declared in ascending urgency so ORDER BY priority sorts by importance.
export const conversationPriority = pgEnum("conversation_priority", ["low", "normal", "high", "urgent"]);
export const conversationChannel = pgEnum("conversation_channel", ["web", "email", "api", "callback"]);
export const messageDirection = pgEnum("message_direction", ["inbound", "outbound"]);
export const messageType = pgEnum("message_type", ["reply", "note"]);
export const actorType = pgEnum("actor_type", ["agent", "end_user", "api_key", "system"]);
export const apiKeyKind = pgEnum("api_key_kind", ["server", "client"]);
export const attributeEntity = pgEnum("attribute_entity", ["conversation", "end_user"]);
export const attributeType = pgEnum("attribute_type", ["text", "number", "boolean", "date", "select"]);
export const deliveryStatus = pgEnum("delivery_status", ["pending", "succeeded", "failed"]);
