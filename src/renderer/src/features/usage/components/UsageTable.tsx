import type { UsageRow } from '../../../../../shared/usage';
import { formatCost, formatTokens } from '../lib/usageFormat';

/** Calls, tokens and cost per model (or provider); a row with estimated tokens says so. */
export function UsageTable({ rows, keyLabel }: { rows: UsageRow[]; keyLabel: string }) {
  if (rows.length === 0)
    return <p className="py-6 text-center text-sm text-zinc-500">No calls in this range.</p>;
  const cell = 'px-2 py-1.5 text-right tabular-nums';
  return (
    <table className="w-full text-sm" aria-label={`Usage by ${keyLabel.toLowerCase()}`}>
      <thead className="text-xs text-zinc-500">
        <tr className="border-b border-zinc-200 dark:border-zinc-800">
          <th className="px-2 py-1.5 text-left font-medium">{keyLabel}</th>
          <th className={`${cell} font-medium`}>Calls</th>
          <th className={`${cell} font-medium`}>Input</th>
          <th className={`${cell} font-medium`}>Cached</th>
          <th className={`${cell} font-medium`}>Output</th>
          <th className={`${cell} font-medium`}>Reasoning</th>
          <th className={`${cell} font-medium`}>Cost</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-zinc-100 dark:border-zinc-800/60">
            <td className="px-2 py-1.5 font-mono text-xs">
              {row.key}
              {row.estimatedCalls > 0 && (
                <span
                  title={`${row.estimatedCalls} calls with estimated tokens`}
                  className="ml-1.5 rounded bg-amber-100 px-1 font-sans text-[10px] font-semibold text-amber-800 dark:bg-amber-900 dark:text-amber-100"
                >
                  est.
                </span>
              )}
            </td>
            <td className={cell}>{row.calls.toLocaleString('en-US')}</td>
            <td className={cell}>{formatTokens(row.inputTokens)}</td>
            <td className={cell}>{formatTokens(row.cachedInputTokens)}</td>
            <td className={cell}>{formatTokens(row.outputTokens)}</td>
            <td className={cell}>{formatTokens(row.reasoningTokens)}</td>
            <td className={cell}>{formatCost(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
