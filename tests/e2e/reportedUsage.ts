import { expect, type Locator } from '@playwright/test';
import type { RecordedRequest } from '../emulator/server';

/** The usage the emulator put on the wire for one call, in the ledger's terms (DESIGN.md). */
export interface Reported {
  model: string;
  /** All prompt tokens, cached and cache writes included. */
  input: number;
  cached: number;
  written: number;
  /** All output tokens, reasoning included. */
  output: number;
  reasoning: number;
}

type Wire = Record<string, unknown>;
type Counts = Record<string, number | undefined>;
/** A count inside a details object (`prompt_tokens_details.cached_tokens` and the like). */
const detail = (counts: Counts, block: string, field: string): number =>
  (counts as unknown as Record<string, Counts | null | undefined>)[block]?.[field] ?? 0;

/** Reads one usage-bearing object: OpenAI chunk or answer, Responses, Anthropic, Gemini. */
function readEvent(event: Wire, result: Reported): void {
  const usage = event.usage as Counts | null | undefined;
  const start = (event.message as { usage?: Counts } | undefined)?.usage;
  const response = event.response as { usage?: Counts | null } | undefined;
  const gemini = event.usageMetadata as Counts | undefined;
  if (event.type === 'message_start' && start) {
    // Anthropic: all prompt tokens are input + cache reads + cache writes (DESIGN.md).
    result.cached = start.cache_read_input_tokens ?? 0;
    result.written = start.cache_creation_input_tokens ?? 0;
    result.input = (start.input_tokens ?? 0) + result.cached + result.written;
  } else if (event.type === 'message_delta' && usage) {
    result.output = usage.output_tokens ?? 0;
  } else if (usage && typeof usage.prompt_tokens === 'number') {
    result.input = usage.prompt_tokens;
    result.output = usage.completion_tokens ?? 0;
    result.cached = detail(usage, 'prompt_tokens_details', 'cached_tokens');
    result.reasoning = detail(usage, 'completion_tokens_details', 'reasoning_tokens');
  } else if (response?.usage || (usage && typeof usage.input_tokens === 'number')) {
    // Responses: `response.completed`'s response, or a whole Response object (SDK ResponseUsage).
    const counts = (response?.usage ?? usage)!;
    result.input = counts.input_tokens ?? 0;
    result.output = counts.output_tokens ?? 0;
    result.cached = detail(counts, 'input_tokens_details', 'cached_tokens');
    result.reasoning = detail(counts, 'output_tokens_details', 'reasoning_tokens');
  } else if (gemini) {
    // Gemini: every chunk carries usageMetadata; the last one counts (thoughts are output).
    result.input = gemini.promptTokenCount ?? 0;
    result.cached = gemini.cachedContentTokenCount ?? 0;
    result.reasoning = gemini.thoughtsTokenCount ?? 0;
    result.output = (gemini.candidatesTokenCount ?? 0) + result.reasoning;
  }
}

/** The usage one recorded call reported, streamed (SSE) or whole (JSON). */
export function reportedUsage(record: RecordedRequest): Reported {
  const body = record.body as { model?: string } | null;
  const model = body?.model ?? /models\/([^/:]+):/.exec(record.path)?.[1] ?? '';
  const result: Reported = { model, input: 0, cached: 0, written: 0, output: 0, reasoning: 0 };
  const text = record.response.trimStart();
  if (text.startsWith('{')) {
    readEvent(JSON.parse(text) as Wire, result);
    return result;
  }
  for (const line of record.response.split(/\r?\n/)) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    readEvent(JSON.parse(line.slice(6)) as Wire, result);
  }
  return result;
}

/** Sums the reported figures of several calls. */
export function sumReported(reported: Reported[]): Omit<Reported, 'model'> {
  const sum = (pick: (r: Reported) => number) => reported.reduce((n, r) => n + pick(r), 0);
  return {
    input: sum((r) => r.input),
    cached: sum((r) => r.cached),
    written: sum((r) => r.written),
    output: sum((r) => r.output),
    reasoning: sum((r) => r.reasoning),
  };
}

/** One row of the Usage screen's table by model, as numbers: calls and tokens. */
export async function usageTableRow(dialog: Locator, model: string) {
  const rows = dialog.getByRole('table', { name: 'Usage by model' }).locator('tbody tr');
  await expect(rows.filter({ hasText: model }).first()).toBeVisible();
  let cells: string[] = [];
  for (const row of await rows.all()) {
    const texts = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    if (texts[0] === model) cells = texts;
  }
  const number = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
  return {
    calls: number(cells[1]),
    input: number(cells[2]),
    cached: number(cells[3]),
    output: number(cells[4]),
    reasoning: number(cells[5]),
    cost: cells[6] ?? '',
  };
}
