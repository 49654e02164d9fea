import { describe, expect, it } from "vitest";
import { mailBody, visibleReply } from "./email-body";
import { parseEmail } from "./parse-email";

describe("the shown body of a mail", () => {
  it("drops quoted history from Gmail, Apple Mail and Outlook replies", () => {
    expect(visibleReply("Thanks, that worked!\n\nOn Mon, 1 Dec 2026 at 10:00, Acme <support@acme.test> wrote:\n> Try turning it off.\n> And on again.")).toBe("Thanks, that worked!");
    expect(visibleReply("Sounds good.\r\n\r\n________________________________\r\nFrom: Acme Support <support@acme.test>\r\nSent: Monday\r\nSubject: Re: x\r\n\r\nOld text")).toBe("Sounds good.");
    expect(visibleReply("Yes please.\n\n-----Original Message-----\nFrom: Acme\nOld")).toBe("Yes please.");
  });

  it("keeps a mail that is all new text, and renders HTML as text without markup", () => {
    expect(visibleReply("Line one\nLine two")).toBe("Line one\nLine two");
    const body = mailBody({ html: '<div>Hi <i>there</i><style>p{}</style><script>x()</script><br>see <a href="https://a.test/b">docs</a><img src="https://t.test/p.gif" alt="pixel"></div>' });
    expect(body).toBe("Hi there\nsee docs [https://a.test/b]");
  });
});

describe("parsing what PostgreSQL could not store", () => {
  it("drops NUL bytes from the subject, text and file names (quoted-printable =00)", async () => {
    const raw = Buffer.from(
      [
        "From: Nul <nul@customer.test>",
        "To: support@acme.test",
        "Subject: =?utf-8?Q?Bad=00subject?=",
        "Message-ID: <nul-1@customer.test>",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "Hello=00 there",
        "",
      ].join("\r\n"),
    );
    const mail = await parseEmail(raw);
    expect(mail.subject).toBe("Badsubject");
    expect(mail.text).toContain("Hello there");
    expect(JSON.stringify(mail)).not.toContain("\\u0000");
  });
});
