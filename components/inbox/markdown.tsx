import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

// Raw HTML in a message is never interpreted: react-markdown shows it as text unless rehype-raw is added
// (it is not), and defaultUrlTransform drops javascript:, data: and other unsafe URL schemes.
const components: Components = {
  // A link whose URL was dropped as unsafe stays visible as plain text.
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow ugc" className="text-indigo-700 underline dark:text-indigo-300">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Remote images are shown as links: opening a message must not ping a sender's tracker.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow ugc" className="text-indigo-700 underline dark:text-indigo-300">
        {alt || "image"}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

export function MessageMarkdown({ source }: { source: string }) {
  return (
    <div className="markdown-body space-y-2 break-words text-sm leading-relaxed">
      <Markdown remarkPlugins={[remarkGfm]} urlTransform={defaultUrlTransform} components={components}>
        {source}
      </Markdown>
    </div>
  );
}
