"use client";

import { useState } from "react";
import { secondaryButtonClass } from "./styles";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" onClick={copy} className={secondaryButtonClass} aria-live="polite">
      {copied ? "Copied" : label}
    </button>
  );
}
