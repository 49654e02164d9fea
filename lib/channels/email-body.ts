import EmailReplyParser from "email-reply-parser";
import { convert } from "html-to-text";

const MAX_BODY_CHARS = 50_000;

/**
 * HTML mail becomes plain text (links kept as "text [url]", images dropped): the inbox renders message bodies
 * as sanitized Markdown, so no markup of the sender's ever reaches it.
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "img", format: "skip" },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "table", format: "dataTable" },
    ],
  });
}

/** Outlook's quote header ("From: … Sent: …") and its underscore rule, which email-reply-parser does not know. */
const OUTLOOK_QUOTE = /^(?:_{10,}\s*$|-{2,}\s*Original Message\s*-{2,}|From: .+\r?\n(?:Sent|Date): )/m;

/** The new part of a reply: quoted history and signatures removed (the original MIME keeps everything). */
export function visibleReply(text: string): string {
  const normalized = text.replace(/\r\n/g, "\n");
  const outlook = OUTLOOK_QUOTE.exec(normalized);
  const head = outlook ? normalized.slice(0, outlook.index) : normalized;
  const visible = new EmailReplyParser().read(head).getVisibleText().trim();
  return (visible || head.trim()).slice(0, MAX_BODY_CHARS);
}

/** The body shown for a mail: its text part, or its HTML as text, with the quoted history stripped. */
export function mailBody(parsed: { text?: string; html?: string }): string {
  const text = parsed.text?.trim() ? parsed.text : parsed.html ? htmlToText(parsed.html) : "";
  return visibleReply(text);
}
