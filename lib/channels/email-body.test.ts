import { describe, expect, it } from "vitest";
import { mailBody, visibleReply } from "./email-body";

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
