import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as attachmentsRoute from "@/app/api/v1/attachments/route";
import * as createRoute from "@/app/api/v1/conversations/create/route";
import * as visitorRoute from "@/app/api/widget/visitor/route";
import { rows } from "@/db/client";
import { createTestOrg } from "../testing/test-org";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636460f80f0000040101005fd8e4a20000000049454e44ae426082", "hex");

async function upload(key: string, token: string | null, name = "first.png") {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(PNG)], name, { type: "image/png" }));
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (token) headers["x-dexra-user-token"] = token;
  const response = await attachmentsRoute.POST(new Request("http://localhost:3000/api/v1/attachments/", { method: "POST", headers, body: form }), { params: Promise.resolve({}) } as never);
  return { status: response.status, body: await response.json() };
}

async function call(handler: unknown, path: string, key: string, token: string | null, body: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  if (token) headers["x-dexra-user-token"] = token;
  const response = await (handler as (r: Request, c: unknown) => Promise<Response>)(new Request(`http://localhost:3000${path}`, { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("files on the first message of a new widget conversation", () => {
  it("a visitor with no identity gets an anonymous token, uploads, and starts the conversation with the file on its first message", async () => {
    const org = await createTestOrg();
    // Without an identity an upload is refused: that is why the messenger asks for a visitor first.
    expect((await upload(org.clientKey, null)).status).toBe(401);
    const visitor = await call(visitorRoute.POST, "/api/widget/visitor", org.clientKey, null, { first_name: "Nadia" });
    expect(visitor.status).toBe(201);
    const token = visitor.headers.get("x-dexra-user-token")!;
    expect(token).toMatch(/^anon_/);
    // Asked again with the token: the same visitor, no new token.
    const again = await call(visitorRoute.POST, "/api/widget/visitor", org.clientKey, token, {});
    expect([again.status, again.body.visitor_id, again.headers.get("x-dexra-user-token")]).toEqual([200, visitor.body.visitor_id, null]);

    const file = await upload(org.clientKey, token);
    expect(file.status).toBe(201);
    const created = await call(createRoute.POST, "/api/v1/conversations/create/", org.clientKey, token, {
      subject: "Broken screen", description: "See the photo", channel: "web", attachment_ids: [file.body.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.requester.id).toBe(visitor.body.visitor_id);
    const [first] = await rows<{ id: string; body: string; files: string[] }>(
      sql`select m.id, m.body, array(select a.filename from attachments a where a.message_id = m.id) as files
        from messages m where m.conversation_id = ${created.body.id} order by m.created_at`,
    );
    expect(first).toMatchObject({ body: "See the photo", files: ["first.png"] });
    const [user] = await rows<{ first_name: string }>(sql`select first_name from end_users where id = ${visitor.body.visitor_id}`);
    expect(user!.first_name).toBe("Nadia");
  });

  it("another visitor's upload, an already sent file, or files without a description are refused and nothing is created", async () => {
    const org = await createTestOrg();
    const a = (await call(visitorRoute.POST, "/api/widget/visitor", org.clientKey, null, {})).headers.get("x-dexra-user-token")!;
    const b = (await call(visitorRoute.POST, "/api/widget/visitor", org.clientKey, null, {})).headers.get("x-dexra-user-token")!;
    const aFile = (await upload(org.clientKey, a)).body.id;
    const stolen = await call(createRoute.POST, "/api/v1/conversations/create/", org.clientKey, b, { subject: "Mine?", description: "x", channel: "web", attachment_ids: [aFile] });
    expect([stolen.status, stolen.body.error.code]).toEqual([400, "validation_error"]);
    const bare = await call(createRoute.POST, "/api/v1/conversations/create/", org.clientKey, a, { subject: "No text", channel: "web", attachment_ids: [aFile] });
    expect([bare.status, bare.body.error.details[0].path]).toEqual([400, ["description"]]);
    // A client key with no identity cannot claim anyone's upload either (its new anonymous user owns none).
    const anonymous = await call(createRoute.POST, "/api/v1/conversations/create/", org.clientKey, null, { subject: "Grab", description: "x", channel: "web", attachment_ids: [aFile] });
    expect(anonymous.status).toBe(400);
    expect(await rows(sql`select 1 from conversations where organization_id = ${org.orgId}`)).toHaveLength(0);
    const ok = await call(createRoute.POST, "/api/v1/conversations/create/", org.clientKey, a, { subject: "Mine", description: "x", channel: "web", attachment_ids: [aFile] });
    expect(ok.status).toBe(201);
    const reused = await call(createRoute.POST, "/api/v1/conversations/create/", org.clientKey, a, { subject: "Again", description: "y", channel: "web", attachment_ids: [aFile] });
    expect(reused.status).toBe(400);
  });
});
