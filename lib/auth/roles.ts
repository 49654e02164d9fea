export type Role = "owner" | "admin" | "agent";

const RANK: Record<Role, number> = { agent: 0, admin: 1, owner: 2 };

export const roleAtLeast = (role: Role, required: Role) => RANK[role] >= RANK[required];
