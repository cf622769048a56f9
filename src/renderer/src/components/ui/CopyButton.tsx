import { useEffect, useState } from 'react';
import { copyText } from '../../lib/clipboard';
import { CheckIcon, CopyIcon } from './icons';
import { useTranslation } from '../../lib/i18n';

interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy code". */
  label: string;
  className?: string;
  /** Icon only (message actions), so the message's own text stays just the message. */
  iconOnly?: boolean;
}

/** Copies `text` and says so for a moment ("Copied"), for eyes and screen readers alike. */
export function CopyButton({ text, label, className, iconOnly = false }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation();
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={() => void copyText(text).then(setCopied)}
      className={className ?? 'action-button'}
    >
      {iconOnly ? (
        <>
          {copied ? <CheckIcon /> : <CopyIcon />}
          {copied && <span className="sr-only">{t('copied')}</span>}
        </>
      ) : (
        <span aria-live="polite">{copied ? t('copied') : t('copy')}</span>
      )}
    </button>
  );
}
