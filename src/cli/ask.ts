import { withStoredKey } from './profileTarget';
import { attachFiles } from './attachFiles';
import { attachedEngine } from '../main/core/attachments/attachedEngine';
import type { ExchangeObserver } from '../main/core/providers/exchange';
import { redactSecrets } from '../main/core/providers/redact';
import { providerFor } from '../main/core/providers/registry';
import { streamChat } from '../main/core/providers/streamChat';
import type { ChatRequest, ProviderTarget } from '../main/core/providers/types';
import { parameterProblems } from '../shared/parameterRanges';
import { takesReasoningEffort } from '../shared/reasoning';
import { AnswerFold } from '../shared/answerFold';
import type { FinishReason, ProviderError, StreamEvent, Usage } from '../shared/stream';
import { UsageError, type AskArgs, type ConnectionArgs } from './args';
import { cliCall, cliUsage } from './recordUsage';
import { cliTools, printToolStep } from './askTools';
import { cliSearch } from './askSearch';
import { toolLoop, type ToolStepEnd } from '../main/core/chat/toolLoop';
import { citationParts, type ToolCallPart, type ToolResultPart } from '../shared/messageParts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Asks one question on the terminal (--approve ask); absent, such calls are denied. */
  askLine?: (question: string) => Promise<string>;
  signal: AbortSignal;
}

/** The `--json` result: the shape the provider engine issue specifies, with the refusal. */
export interface AskResult {
  text: string;
  reasoning: string;
  /** The model's refusal in its own words (finishReason "refusal"); null when it answered. */
  refusal: string | null;
  finishReason: FinishReason;
  providerFinishReason: string | null;
  id: string | null;
  model: string | null;
  usage: Usage;
  timing: { ttftMs: number | null; totalMs: number };
  error: ProviderError | null;
  /** With --mcp-config: each tool call the model made, and each result, in order. */
  toolCalls?: Omit<ToolCallPart, 'type'>[];
  toolResults?: Omit<ToolResultPart, 'type'>[];
  /** With --web-search: the pages the answer drew on (its citations), once each. */
  sources?: { title: string; url: string }[];
}

/** The target the connection flags describe over the environment, as the provider's module reads it. */
export function targetFromArgs(
  args: ConnectionArgs & { model?: string },
  env: NodeJS.ProcessEnv,
): ProviderTarget {
  const provider = providerFor(args.provider);
  const profile = provider.environment.profile(env, {
    baseUrl: args.baseUrl,
    endpoint: args.endpoint,
    model: args.model,
    apiVersion: args.apiVersion,
  });
  const missing = provider.environment.missing(profile);
  if (missing) throw new UsageError(missing);
  if (args.api) profile.api = args.api;
  return { profile, apiKey: provider.environment.apiKey(profile, env) };
}

/** What --show-request, --verbose and --raw print on stderr; headers arrive already redacted. */
function observerFor(args: AskArgs, io: CliIo, secrets: string[]): ExchangeObserver | undefined {
  if (!args.showRequest && !args.raw) return undefined;
  const safe = (text: string) => redactSecrets(text, secrets);
  const observer: ExchangeObserver = {};
  if (args.showRequest) {
    observer.onRequest = (request) => {
      const headers = Object.entries(request.headers).map(([k, v]) => `> ${k}: ${v}`);
      io.stderr(
        safe(
          [`> ${request.method} ${request.url}`, ...headers, '>', request.body ?? '', ''].join(
            '\n',
          ),
        ),
      );
    };
  }
  if (args.verbose) {
    observer.onResponse = (response) => {
      const headers = Object.entries(response.headers).map(([k, v]) => `< ${k}: ${v}`);
      io.stderr(
        safe(
          [
            `< ${response.status} ${response.statusText} (+${Math.round(response.atMs)} ms)`,
            ...headers,
            '',
          ].join('\n'),
        ),
      );
    };
  }
  if (args.raw) {
    observer.onRawEvent = (event) => {
      const name = event.event === null ? '' : `event: ${event.event} `;
      io.stderr(safe(`[+${Math.round(event.atMs)} ms] ${name}data: ${event.data}\n`));
    };
    observer.onBody = (body) =>
      io.stderr(safe(`[+${Math.round(body.atMs)} ms] body: ${body.text}\n`));
  }
  return observer;
}

/** The request the flags describe, refused (exit 2) where the provider would refuse it. */
async function requestFromArgs(args: AskArgs, io: CliIo): Promise<ChatRequest> {
  const prompt = args.prompt === '-' ? (await io.readStdin()).replace(/\r?\n$/, '') : args.prompt;
  if (!prompt.trim()) throw new UsageError('PROMPT is empty');
  const problems = parameterProblems(args.provider, args);
  if (problems.length) throw new UsageError(problems.join(' '));
  const request: ChatRequest = {
    model: args.model,
    messages: [{ role: 'user', content: prompt }],
    stream: args.stream,
  };
  if (args.system) request.system = args.system;
  if (args.maxTokens !== undefined) request.maxTokens = args.maxTokens;
  if (args.temperature !== undefined) request.temperature = args.temperature;
  if (args.topP !== undefined) request.topP = args.topP;
  if (args.stop.length) request.stop = args.stop;
  if (args.reasoningEffort) {
    request.reasoningEffort = args.reasoningEffort;
    // Said, not refused: a custom or newer model id may reason under a name we do not know.
    if (!takesReasoningEffort(args.provider, args.model))
      io.stderr(`note: ${args.model} takes no reasoning effort here; none was sent\n`);
  }
  return request;
}

/** Echoes text (and thinking) as it arrives, when the answer is not one JSON object. */
function echo(event: StreamEvent, args: AskArgs, io: CliIo): void {
  if (args.json) return;
  if (event.type === 'text') io.stdout(event.text);
  // Thinking goes to stderr so stdout stays the answer alone.
  if (event.type === 'reasoning') io.stderr(event.text);
}

/** The `--json` result from the folded answer, its fields in their documented order. */
function askResult(fold: AnswerFold): AskResult {
  return {
    text: fold.textOf('text'),
    reasoning: fold.textOf('reasoning'),
    refusal: fold.has('refusal') ? fold.textOf('refusal') : null,
    finishReason: fold.finishReason ?? 'error',
    providerFinishReason: fold.providerFinishReason,
    id: fold.providerMessageId,
    model: fold.model,
    usage: fold.usage ?? { inputTokens: 0, outputTokens: 0, totalTokens: 0, source: 'estimated' },
    timing: fold.timing
      ? { ttftMs: fold.timing.ttftMs, totalMs: fold.timing.totalMs }
      : { ttftMs: null, totalMs: 0 },
    error: fold.error,
    ...toolParts(fold),
    ...sourcesOf(fold),
  };
}

function sourcesOf(fold: AnswerFold): Pick<AskResult, 'sources'> {
  const sources = citationParts(fold.parts()).map(({ title, url }) => ({ title, url }));
  return sources.length ? { sources } : {};
}

function toolParts(fold: AnswerFold): Pick<AskResult, 'toolCalls' | 'toolResults'> {
  const parts = fold.parts();
  const toolCalls = parts.flatMap(({ type, ...call }) =>
    type === 'tool-call' ? [call as Omit<ToolCallPart, 'type'>] : [],
  );
  const toolResults = parts.flatMap(({ type, ...result }) =>
    type === 'tool-result' ? [result as Omit<ToolResultPart, 'type'>] : [],
  );
  return toolCalls.length || toolResults.length ? { toolCalls, toolResults } : {};
}

/** Without --json: what stderr says after the answer (a refusal, an error, --verbose figures). */
function printEnd(result: AskResult, args: AskArgs, io: CliIo): void {
  if (result.text && !result.text.endsWith('\n')) io.stdout('\n');
  // The sources under the answer, as the app lists them.
  if (result.sources)
    io.stdout(
      `\nSources:\n${result.sources.map((s, i) => `[${i + 1}] ${s.title} <${s.url}>\n`).join('')}`,
    );
  // A refusal is not the answer asked for: it goes with the errors, stdout stays the answer.
  if (result.refusal !== null) io.stderr(`refusal: ${result.refusal}\n`);
  if (result.error) {
    const status = result.error.status !== null ? ` ${result.error.status}` : '';
    const retry =
      result.error.retryAfterMs !== undefined
        ? ` (retry after ${result.error.retryAfterMs} ms)`
        : '';
    io.stderr(`error: ${result.error.kind}${status}: ${result.error.message}${retry}\n`);
  }
  if (args.verbose) {
    const u = result.usage;
    const ttft = result.timing.ttftMs === null ? '-' : `${Math.round(result.timing.ttftMs)} ms`;
    io.stderr(
      `finish: ${result.finishReason} (${result.providerFinishReason ?? '-'}); tokens in ${u.inputTokens}` +
        `${u.cachedInputTokens ? ` (${u.cachedInputTokens} cached)` : ''}` +
        `${u.cacheWriteTokens ? ` (${u.cacheWriteTokens} written to the cache)` : ''}, out ${u.outputTokens} (${u.source}); ` +
        `first token ${ttft}, total ${Math.round(result.timing.totalMs)} ms\n`,
    );
  }
}

/** `ask`: one question, the answer streamed to stdout (or one JSON object). Returns the exit code. */
export async function runAsk(args: AskArgs, io: CliIo): Promise<number> {
  const target = await withStoredKey(targetFromArgs(args, io.env), io.env);
  if (!args.promptCaching) target.profile = { ...target.profile, promptCaching: false };
  const request = await requestFromArgs(args, io);
  const attached = await attachFiles(args.attach, target.profile);
  const question = request.messages[0];
  if (attached.parts.length && question?.role === 'user') question.attached = attached.parts;
  const secrets = [target.apiKey].filter((s): s is string => !!s);
  const observer = observerFor(args, io, secrets);
  const fold = new AnswerFold();
  const usage = cliUsage({ record: args.record, env: io.env, stderr: io.stderr });
  const options = { signal: io.signal, ...(observer ? { observer } : {}) };
  const tools = await cliTools(args, io);
  const searching = await cliSearch(args, { target, request, mcp: tools }, io).catch(
    async (error: unknown) => {
      await tools?.close();
      throw error;
    },
  );
  const steps: ToolStepEnd[] = [];
  const engine = attachedEngine(streamChat, attached.source);
  const sent = searching.request;
  const events = searching.run
    ? toolLoop(engine, target, sent, options, { ...searching.run, onStep: (s) => steps.push(s) })
    : engine(target, sent, options);
  try {
    for await (const event of events) {
      usage.observe(target, event);
      fold.push(event);
      echo(event, args, io);
      if (args.verbose) printToolStep(event, io);
    }
  } finally {
    await tools?.close();
  }
  const result = askResult(fold);
  if (args.json) io.stdout(`${JSON.stringify(result)}\n`);
  else printEnd(result, args, io);
  // After the answer is out: the history is the app's, and may be slow or locked.
  // One row per provider call: with tools, each step of the loop is its own.
  const calls = steps.length
    ? steps.map((step) => ({
        model: step.model,
        usage: step.usage,
        timing: step.timing,
        outcome: step.finishReason,
      }))
    : [
        {
          model: result.model,
          usage: fold.usage,
          timing: result.timing,
          outcome: result.finishReason,
        },
      ];
  usage.record([
    ...calls.map((call) =>
      cliCall('cli-ask', target, {
        model: call.model ?? request.model,
        usage: call.usage,
        ttftMs: call.timing?.ttftMs ?? null,
        durationMs: call.timing?.totalMs ?? null,
        outcome: call.outcome,
      }),
    ),
    ...searching.searches,
  ]);
  if (result.finishReason === 'cancelled') return 130;
  return result.finishReason === 'error' || result.finishReason === 'refusal' ? 1 : 0;
}
