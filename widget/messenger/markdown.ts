import { h } from "./dom";

// Markdown for chat messages, rendered straight to DOM nodes: raw HTML in a message stays text, and links
// keep only http(s) and mailto targets. Enough for chat: paragraphs, lists, **bold**, *italic*, `code`, links.
const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*|_[^_\n]+_)|(\[[^\]\n]+\]\([^)\s]+\))|(https?:\/\/[^\s<]+[^\s<.,;:!?)])/;

function safeHref(url: string) {
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

function inline(text: string, out: Node[] = []): Node[] {
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push(document.createTextNode(rest));
      break;
    }
    if (match.index > 0) out.push(document.createTextNode(rest.slice(0, match.index)));
    const token = match[0];
    if (match[1]) out.push(h("code", {}, token.slice(1, -1)));
    else if (match[2]) out.push(h("strong", {}, ...inline(token.slice(2, -2))));
    else if (match[3]) out.push(h("em", {}, ...inline(token.slice(1, -1))));
    else if (match[4]) {
      const [, label = "", url = ""] = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(token) ?? [];
      const href = safeHref(url);
      out.push(href ? h("a", { href, target: "_blank", rel: "noopener noreferrer nofollow ugc" }, label) : document.createTextNode(label));
    } else out.push(h("a", { href: token, target: "_blank", rel: "noopener noreferrer nofollow ugc" }, token));
    rest = rest.slice(match.index + token.length);
  }
  return out;
}

export function renderMarkdown(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of source.replace(/\r\n/g, "\n").split(/\n{2,}/)) {
    const lines = block.split("\n").filter((l) => l.trim() !== "");
    if (!lines.length) continue;
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      fragment.appendChild(h("ul", {}, ...lines.map((l) => h("li", {}, ...inline(l.replace(/^\s*[-*]\s+/, ""))))));
    } else if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) {
      fragment.appendChild(h("ol", {}, ...lines.map((l) => h("li", {}, ...inline(l.replace(/^\s*\d+[.)]\s+/, ""))))));
    } else {
      const p = h("p");
      lines.forEach((line, i) => {
        if (i > 0) p.appendChild(h("br"));
        inline(line).forEach((n) => p.appendChild(n));
      });
      fragment.appendChild(p);
    }
  }
  return fragment;
}
