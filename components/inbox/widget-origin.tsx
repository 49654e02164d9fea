import type { ConversationJson } from "@/lib/conversations/serialize";

/**
 * For chat-widget conversations (owned by the widget room, H13): whether the visitor proved who they are
 * (user_hash / user_jwt) and the page the conversation started on.
 */
export function WidgetOrigin({ conversation, anonymous, claimedEmail }: { conversation: ConversationJson; anonymous?: boolean; claimedEmail?: string | null }) {
  if (conversation.channel !== "web") return null;
  const pageUrl = typeof conversation.metadata?.page_url === "string" ? conversation.metadata.page_url : null;
  const safeUrl = pageUrl && /^https?:\/\//i.test(pageUrl) ? pageUrl : null;
  return (
    <div className="mt-1 space-y-0.5 text-xs">
      {anonymous !== undefined && (
        <p data-testid="requester-verification" className={anonymous ? "text-amber-700 dark:text-amber-400" : "text-emerald-700 dark:text-emerald-400"}>
          {anonymous ? `Unverified visitor${claimedEmail ? ` (says ${claimedEmail})` : ""}` : "Verified visitor"}
        </p>
      )}
      {safeUrl && (
        <p className="break-all text-slate-500">
          Started on{" "}
          <a href={safeUrl} target="_blank" rel="noopener noreferrer nofollow" className="underline">
            {safeUrl}
          </a>
        </p>
      )}
    </div>
  );
}
