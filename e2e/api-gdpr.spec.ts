import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createDexra, eventPages, toArray, unwrap } from "../sdk/dist/index.js";
import { dexra as cli } from "./fixtures";

// GDPR over HTTP against the built app, through the SDK: export, then erase an end user; nothing of theirs is left
// in what the API serves (search, conversation, messages, export, events feed) and their file is gone.
test("an end user's export holds their data; after anonymization no answer and no file shows it", async ({ request, baseURL }) => {
  const org = cli("create-org", "--name", "E2E GDPR", "--owner-email", `gdpr-${Date.now()}@example.test`, "--owner-password", "e2e-gdpr-password");
  const dexra = createDexra({ apiKey: org.server_key!, baseUrl: baseURL! });
  const headers = { authorization: `Bearer ${org.server_key}` };
  const token = `gd${randomUUID().replace(/-/g, "").slice(0, 10)}`;

  const upload = await request.post("/api/v1/attachments/", { headers, multipart: { file: { name: `${token}-scan.txt`, mimeType: "text/plain", buffer: Buffer.from(`passport ${token}`) } } });
  expect(upload.status()).toBe(201);
  const file = await upload.json();
  const conversation = unwrap(
    await dexra.POST("/api/v1/conversations/create/", {
      body: { subject: `Refund ${token}`, user_email: `${token}@example.test`, user_first_name: `Jane${token}`, description: `My card ${token} was charged twice`, attachment_ids: [file.id] },
    }),
  );
  const userId = conversation.requester.id;
  expect((await request.get(file.url)).status()).toBe(200);

  const exported = unwrap(await dexra.GET("/api/v1/users/{id}/export/", { params: { path: { id: userId } } }));
  expect(JSON.stringify(exported)).toContain(`My card ${token}`);
  expect(JSON.stringify(exported)).toContain(`${token}-scan.txt`);

  // Still open: refused without force.
  const refused = await dexra.POST("/api/v1/users/{id}/anonymize/", { params: { path: { id: userId } }, body: {} });
  expect(refused.response.status).toBe(409);
  const done = await dexra.POST("/api/v1/users/{id}/anonymize/", { params: { path: { id: userId } }, body: { force: true } });
  expect([done.response.status, done.data]).toEqual([202, { status: "done" }]);

  const searched = unwrap(await dexra.GET("/api/v1/conversations/", { params: { query: { q: token } } }));
  expect(searched.count).toBe(0);
  const after = unwrap(await dexra.GET("/api/v1/conversations/{id}/", { params: { path: { id: conversation.id } } }));
  expect([after.subject, after.status, after.requester.email]).toEqual(["[anonymized]", "closed", null]);
  const messages = unwrap(await dexra.GET("/api/v1/conversations/{id}/messages/", { params: { path: { id: conversation.id } } }));
  expect(JSON.stringify(messages)).not.toContain(token);
  const again = unwrap(await dexra.GET("/api/v1/users/{id}/export/", { params: { path: { id: userId } } }));
  expect(JSON.stringify(again)).not.toContain(token);
  // The feed serves a transaction's events once no older transaction is still running (other specs write too).
  const feed = async () => (await toArray(eventPages((after) => dexra.GET("/api/v1/events/", { params: { query: { after, limit: 100 } } })))).flatMap((page) => page.events);
  await expect.poll(async () => (await feed()).map((e) => e.type)).toEqual(expect.arrayContaining(["conversation_created", "conversation_anonymized", "user_anonymized"]));
  expect(JSON.stringify(await feed())).not.toContain(token);
  expect((await request.get(file.url)).status()).toBe(404);
});
