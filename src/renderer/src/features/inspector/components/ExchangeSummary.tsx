import type { ExchangeRecord } from '../../../../../shared/exchanges';
import { formatBytes, formatNumber, useTranslation, type TFunction } from '../../../lib/i18n';

const selectClass = 'rounded border border-zinc-300 bg-transparent px-1 dark:border-zinc-700';

/** A tool loop's step is named by its number and the calls it asked for. */
function callLabel(t: TFunction, exchange: ExchangeRecord, index: number, count: number): string {
  if (exchange.step === undefined) return t('summary.callOf', { index: index + 1, count });
  const calls = exchange.toolCalls ?? [];
  const names = calls.map((call) => call.tool).join(', ');
  return calls.length > 0
    ? t('summary.stepCalls', { step: exchange.step, names })
    : t('summary.stepAnswer', { step: exchange.step });
}

/** Milliseconds with the language's unit ("284 毫秒" in Chinese). */
function ms(t: TFunction, value: number | null | undefined): string {
  return value === null || value === undefined
    ? '—'
    : t('summary.ms', { ms: formatNumber(Math.round(value)) });
}

interface Props {
  exchanges: ExchangeRecord[];
  selected: number;
  attemptIndex: number;
  onSelectCall(index: number): void;
  onSelectAttempt(index: number): void;
}

/** The shown call's timing and size, and the pickers for which call and which attempt. */
export function ExchangeSummary({
  exchanges,
  selected,
  attemptIndex,
  onSelectCall,
  onSelectAttempt,
}: Props) {
  const { t } = useTranslation('inspector');
  const exchange = exchanges[selected];
  if (!exchange) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-zinc-200 px-5 py-2 text-xs dark:border-zinc-800">
      <span aria-label={t('summary.ttftLabel')}>
        {t('summary.ttft')} <strong>{ms(t, exchange.timing?.ttftMs)}</strong>
      </span>
      <span aria-label={t('summary.totalLabel')}>
        {t('summary.total')} <strong>{ms(t, exchange.timing?.totalMs)}</strong>
      </span>
      <span className="text-zinc-500">
        {t('summary.captured', { size: formatBytes(exchange.sizeBytes) })}
      </span>
      {exchange.truncated && (
        <span className="text-amber-700 dark:text-amber-400">{t('summary.truncated')}</span>
      )}
      {exchanges.length > 1 && (
        <label className="flex items-center gap-1">
          {exchange.step === undefined ? t('summary.call') : t('summary.step')}
          <select
            value={selected}
            onChange={(e) => onSelectCall(Number(e.target.value))}
            className={selectClass}
          >
            {exchanges.map((x, i) => (
              <option key={x.id} value={i}>
                {callLabel(t, x, i, exchanges.length)}
              </option>
            ))}
          </select>
        </label>
      )}
      {exchange.attempts.length > 1 && (
        <label className="flex items-center gap-1">
          {t('summary.attempt')}
          <select
            value={attemptIndex}
            onChange={(e) => onSelectAttempt(Number(e.target.value))}
            className={selectClass}
          >
            {exchange.attempts.map((a, i) => (
              <option key={i} value={i}>
                {a.request.attempt} ({a.response?.status ?? t('summary.noResponse')})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
