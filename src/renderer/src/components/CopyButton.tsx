import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard';

interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy code"; the visible text is the short "Copy". */
  label: string;
  className?: string;
}

/** Copies `text` and says so for a moment ("Copied"), for eyes and screen readers alike. */
export function CopyButton({ text, label, className }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => void copyText(text).then(setCopied)}
      className={className ?? 'action-button'}
    >
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
    </button>
  );
}
