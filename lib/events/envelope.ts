/** The envelope every webhook delivery and every /api/v1/events item carries. */
export type EventRow = { id: string; type: string; createdAt: Date; organizationId: string; data: Record<string, unknown> };

export function serializeEvent(row: EventRow) {
  return {
    id: row.id,
    type: row.type,
    created_at: row.createdAt.toISOString(),
    organization_id: row.organizationId,
    data: row.data,
  };
}
export type EventJson = ReturnType<typeof serializeEvent>;
