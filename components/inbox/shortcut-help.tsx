"use client";

import { Dialog } from "../ui/dialog";
import { Kbd } from "../ui/kbd";

export const SHORTCUTS: [string, string][] = [
  ["j / k", "Next / previous conversation"],
  ["Enter", "Open the selected conversation"],
  ["r", "Reply"],
  ["n", "Private note"],
  ["e", "Resolve"],
  ["a", "Assign to me"],
  ["s", "Snooze"],
  ["x", "Select for bulk actions"],
  ["/", "Search"],
  ["Esc", "Leave the composer or close the conversation"],
  ["Ctrl/⌘ + Enter", "Send"],
  ["Ctrl/⌘ + Shift + Enter", "Send the reply and resolve"],
  ["Ctrl/⌘ + Alt + Enter", "Send the reply and set pending"],
  ["?", "This help"],
];

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, label]) => (
          <div key={keys} className="contents">
            <dt>
              <Kbd>{keys}</Kbd>
            </dt>
            <dd>{label}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
