import * as Dialog from '@radix-ui/react-dialog';
import type { ExchangeAttemptView, ExchangeRecord } from '../../../../../shared/exchanges';
import { curlCommand } from '../../../../../shared/curl';
import { useTranslation } from '../../../lib/i18n';

const buttonClass =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-xs hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800';

interface Props {
  exchange: ExchangeRecord | undefined;
  attempt: ExchangeAttemptView | undefined;
  /** What the last copy did ("cURL copied", "Copy failed"). */
  notice: string;
  onCopy(label: string, text: string): void;
}

/** The inspector's title line: which call is shown, the copy buttons and Close. */
export function InspectorHeader({ exchange, attempt, notice, onCopy }: Props) {
  const { t } = useTranslation('inspector');
  return (
    <header className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
      <div className="min-w-0">
        <Dialog.Title className="text-base font-semibold">{t('title')}</Dialog.Title>
        <Dialog.Description className="text-xs text-zinc-500">
          {exchange
            ? `${exchange.provider} · ${exchange.model} · ${exchange.stream ? t('streamed') : t('notStreamed')}`
            : t('description')}
        </Dialog.Description>
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
          {notice}
        </span>
        <button
          type="button"
          className={buttonClass}
          disabled={!attempt || !exchange}
          onClick={() =>
            attempt && exchange && onCopy('cURL', curlCommand(attempt.request, exchange.provider))
          }
        >
          {t('copyCurl')}
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={!exchange}
          onClick={() => exchange && onCopy('JSON', JSON.stringify(exchange, null, 2))}
        >
          {t('copyJson')}
        </button>
        <Dialog.Close
          aria-label={t('close')}
          className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          ×
        </Dialog.Close>
      </div>
    </header>
  );
}
