import type { InboxMessage } from "@/lib/inbox/get-thread";
import { EmailMeta, MessageAttachments } from "../channels/email-meta";
import { RelativeTime } from "../ui/relative-time";
import { MessageMarkdown } from "./markdown";

const STYLE = {
  inbound: { box: "mr-auto rounded-bl-sm border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900", label: "Customer" },
  outbound: { box: "ml-auto rounded-br-sm border-indigo-200 bg-indigo-50 dark:border-indigo-900 dark:bg-indigo-950/60", label: "Reply" },
  note: { box: "mx-auto border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40", label: "Private note" },
};

/**
 * Inbound, outbound and private notes differ in alignment, color and label, not by color alone: a customer's
 * message hugs the left, a reply the right (at most 85% of the thread's width), a note stands in the middle.
 */
export function MessageItem({ message }: { message: InboxMessage }) {
  const kind = message.message_type === "note" ? "note" : message.direction;
  const style = STYLE[kind];
  return (
    <article aria-label={`${style.label} from ${message.author_name}`} data-message-kind={kind} className={`${kind === "note" ? "w-full max-w-[44rem]" : "w-fit min-w-[14rem] max-w-[85%] lg:max-w-[40rem]"} break-words rounded-lg border px-4 py-3 ${style.box}`}>
      <header className="mb-1 flex items-baseline justify-between gap-3 text-xs text-slate-500 dark:text-slate-400">
        <span>
          <span className="font-medium text-slate-800 dark:text-slate-100">{message.author_name}</span>
          {kind === "note" && <span className="ml-2 font-semibold uppercase tracking-wide text-amber-700 dark:text-amber-400">Private note</span>}
          {kind === "outbound" && <span className="ml-2">replied</span>}
        </span>
        <RelativeTime iso={message.created_at} />
      </header>
      <EmailMeta message={message} />
      <MessageMarkdown source={message.body} />
      <MessageAttachments message={message} />
    </article>
  );
}
