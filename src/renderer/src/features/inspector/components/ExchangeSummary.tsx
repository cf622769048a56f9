import type { ExchangeRecord } from '../../../../../shared/exchanges';

const selectClass = 'rounded border border-zinc-300 bg-transparent px-1 dark:border-zinc-700';

/** A tool loop's step is named by its number and the calls it asked for. */
function callLabel(exchange: ExchangeRecord, index: number, count: number): string {
  if (exchange.step === undefined) return `${index + 1} of ${count}`;
  const calls = exchange.toolCalls ?? [];
  const names = calls.map((call) => call.tool).join(', ');
  return `Step ${exchange.step}${calls.length > 0 ? ` (tool calls: ${names})` : ' (answer)'}`;
}

function ms(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value)} ms`;
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
  const exchange = exchanges[selected];
  if (!exchange) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-zinc-200 px-5 py-2 text-xs dark:border-zinc-800">
      <span aria-label="Time to first token">
        First token <strong>{ms(exchange.timing?.ttftMs)}</strong>
      </span>
      <span aria-label="Total time">
        Total <strong>{ms(exchange.timing?.totalMs)}</strong>
      </span>
      <span className="text-zinc-500">{(exchange.sizeBytes / 1024).toFixed(1)} KB captured</span>
      {exchange.truncated && (
        <span className="text-amber-700 dark:text-amber-400">
          Cut at the size limit: later events were not kept
        </span>
      )}
      {exchanges.length > 1 && (
        <label className="flex items-center gap-1">
          {exchange.step === undefined ? 'Call' : 'Step'}
          <select
            value={selected}
            onChange={(e) => onSelectCall(Number(e.target.value))}
            className={selectClass}
          >
            {exchanges.map((x, i) => (
              <option key={x.id} value={i}>
                {callLabel(x, i, exchanges.length)}
              </option>
            ))}
          </select>
        </label>
      )}
      {exchange.attempts.length > 1 && (
        <label className="flex items-center gap-1">
          Attempt
          <select
            value={attemptIndex}
            onChange={(e) => onSelectAttempt(Number(e.target.value))}
            className={selectClass}
          >
            {exchange.attempts.map((a, i) => (
              <option key={i} value={i}>
                {a.request.attempt} ({a.response?.status ?? 'no response'})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
