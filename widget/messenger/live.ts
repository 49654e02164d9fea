import { identityHeaders, type Identity } from "./api";

export type WidgetEvent =
  | { type: "message"; conversation_id: string }
  | { type: "conversation"; conversation_id: string }
  | { type: "typing"; conversation_id: string; typing: boolean; name: string };

/**
 * Reads the end user's event stream with fetch (EventSource cannot send the key and identity as headers, and
 * they must stay out of URLs and logs). Reconnects after a drop; stops for good on 401/403 or when stopped.
 */
export function connectLive(key: string, identity: Identity, onEvent: (e: WidgetEvent) => void, onRefused: (status: number) => void) {
  const controller = new AbortController();
  let stopped = false;
  const token = identity.kind === "anonymous" ? identity.token : null;

  async function run() {
    while (!stopped) {
      try {
        const response = await fetch("/api/widget/stream", {
          headers: { authorization: `Bearer ${key}`, ...identityHeaders(identity, token) },
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) return onRefused(response.status);
        if (!response.ok || !response.body) throw new Error(String(response.status));
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const chunk = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of chunk.split("\n")) if (line.startsWith("data: ")) onEvent(JSON.parse(line.slice(6)) as WidgetEvent);
          }
        }
      } catch {
        if (stopped) return;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  void run();
  return () => {
    stopped = true;
    controller.abort();
  };
}
