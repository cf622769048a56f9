import { compareModels, type CompareFigures } from '../main/core/compare/compareModels';
import { redactSecrets } from '../main/core/providers/redact';
import { parameterProblems } from '../shared/parameterRanges';
import type { ChatRequest } from '../main/core/providers/types';
import { UsageError, type CompareArgs } from './args';
import { targetFromArgs, type CliIo } from './ask';
import { withStoredKey } from './profileTarget';
import { cliCall, cliPricer, cliUsage } from './recordUsage';

function ms(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`;
}

function dollars(value: number | null): string {
  if (value === null) return '—';
  return value < 0.01 ? `$${value.toFixed(6)}` : `$${value.toFixed(4)}`;
}

/** Model, TTFT, tok/s, in, out, cost, finish: one row per model, aligned columns. */
export function figuresTable(rows: CompareFigures[]): string {
  const header = ['model', 'first token', 'tok/s', 'in', 'out', 'cost', 'finish'];
  const cells = rows.map((r) => {
    const mark = r.usage?.source === 'estimated' ? '~' : '';
    return [
      r.model,
      ms(r.ttftMs),
      r.tokensPerSecond === null ? '—' : r.tokensPerSecond.toFixed(1),
      r.usage ? `${mark}${r.usage.inputTokens}` : '—',
      r.usage ? `${mark}${r.usage.outputTokens}` : '—',
      dollars(r.cost),
      r.error ? `${r.finishReason}: ${r.error.kind}` : r.finishReason,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  // Text columns left, figures right, as a person reads them.
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}

/**
 * `compare`: one prompt to several models of one provider at once. Each answer is printed whole
 * when it ends (interleaved streams would be unreadable), then the table of figures.
 */
export async function runCompare(args: CompareArgs, io: CliIo): Promise<number> {
  const prompt = args.prompt === '-' ? (await io.readStdin()).replace(/\r?\n$/, '') : args.prompt;
  if (!prompt.trim()) throw new UsageError('PROMPT is empty');
  const problems = parameterProblems(args.provider, args);
  if (problems.length) throw new UsageError(problems.join(' '));
  const lanes = await Promise.all(
    args.models.map(async (model) => {
      const target = await withStoredKey(targetFromArgs({ ...args, model }, io.env), io.env);
      const request: ChatRequest = {
        model,
        messages: [{ role: 'user', content: prompt }],
        stream: args.stream,
      };
      if (args.system) request.system = args.system;
      if (args.maxTokens !== undefined) request.maxTokens = args.maxTokens;
      if (args.temperature !== undefined) request.temperature = args.temperature;
      if (args.topP !== undefined) request.topP = args.topP;
      // Each adapter sends it only to a model that takes it: a mixed set needs no care here.
      if (args.reasoningEffort) request.reasoningEffort = args.reasoningEffort;
      return { target, request };
    }),
  );
  const secrets = lanes.map((l) => l.target.apiKey);
  const usage = cliUsage({ record: args.record, env: io.env, stderr: io.stderr });
  const results = await compareModels(lanes, {
    signal: io.signal,
    onEvent: (lane, event) => usage.observe(lanes[lane]!.target, event),
    price: cliPricer(io.env),
  });
  if (args.json) {
    io.stdout(`${redactSecrets(JSON.stringify(results), secrets)}\n`);
  } else {
    results.forEach((r, i) => {
      io.stdout(`== ${args.models[i]} ==\n${r.text}${r.text.endsWith('\n') ? '' : '\n'}`);
      if (r.error)
        io.stderr(redactSecrets(`error (${args.models[i]}): ${r.error.message}\n`, secrets));
    });
    io.stdout(`\n${figuresTable(results)}\n`);
  }
  usage.record(
    results.map((r, i) =>
      cliCall('cli-compare', lanes[i]!.target, {
        model: r.model,
        usage: r.usage,
        ttftMs: r.ttftMs,
        durationMs: r.totalMs,
        outcome: r.finishReason,
      }),
    ),
  );
  if (results.some((r) => r.finishReason === 'cancelled')) return 130;
  return results.some((r) => r.finishReason === 'error') ? 1 : 0;
}
