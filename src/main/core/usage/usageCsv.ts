import type { UsageFigures, UsageReport, UsageRow } from '../../../shared/usage';

const HEADER = [
  'group',
  'key',
  'calls',
  'input_tokens',
  'cached_input_tokens',
  'output_tokens',
  'reasoning_tokens',
  'cost_usd',
  'estimated_calls',
  'estimated_input_tokens',
  'estimated_output_tokens',
  'unpriced_calls',
  // Added after the others, so the columns a sheet already reads keep their places.
  'cache_write_tokens',
  'cache_savings_usd',
  // Searches (issue 20), after the rest for the same reason; an unknown fee is an empty cell.
  'searches',
  'search_cost_usd',
  'unpriced_searches',
];

/**
 * The report as CSV (RFC 4180): one section per grouping plus a total line, so a spreadsheet
 * can pivot it. An unknown cost (or saving) is an empty cell, never 0.
 */
export function usageCsv(report: UsageReport): string {
  const lines = [HEADER.join(',')];
  const add = (group: string, rows: UsageRow[]) => {
    for (const row of rows) lines.push(line(group, row.key, row));
  };
  add('day', report.byDay);
  add('model', report.byModel);
  add('provider', report.byProvider);
  add('search', report.bySearchProvider);
  lines.push(line('total', 'all', report.totals));
  return `${lines.join('\r\n')}\r\n`;
}

function line(group: string, key: string, figures: UsageFigures): string {
  return [
    group,
    key,
    figures.calls,
    figures.inputTokens,
    figures.cachedInputTokens,
    figures.outputTokens,
    figures.reasoningTokens,
    figures.cost === null ? '' : figures.cost.toFixed(6),
    figures.estimatedCalls,
    figures.estimatedInputTokens,
    figures.estimatedOutputTokens,
    figures.unpricedCalls,
    figures.cacheWriteTokens,
    figures.cacheSavings === null ? '' : figures.cacheSavings.toFixed(6),
    figures.searches,
    figures.searchCost === null ? '' : figures.searchCost.toFixed(6),
    figures.unpricedSearches,
  ]
    .map((cell) => quote(String(cell)))
    .join(',');
}

/** Quotes what needs it; a leading =+-@ is defused so a model id cannot become a formula. */
function quote(cell: string): string {
  const safe = /^[=+\-@]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
