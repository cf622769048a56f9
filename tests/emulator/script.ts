import { fixedAnswers, tokenize } from './answers';

/**
 * What the emulator answers, decided by directives in the last user message so tests (and a
 * person typing in the harness) can ask for a scenario: `[tokens=300 rate=50]` streams 300
 * tokens at 50 tokens/s. Several directives go in one bracket, space-separated.
 *
 * Answer shape
 *   tokens=N rate=R      N tokens at R tokens/s (rate=0: as fast as possible)
 *   answer=NAME          a fixed rich answer from answers.ts (markdown-demo, xss, done-marker) or a
 *                        hostile one from hostileAnswers.ts (deep-quote, emphasis-storm, bracket-pit…)
 *                        instead of the echo
 *   delay=MS             wait before the first token (keep-alive comments meanwhile if comments=1;
 *                        non-streamed: before the status and headers)
 *   reasoning=N          N reasoning tokens first (OpenAI dialect: `reasoning_content`;
 *   reasoning_field=reasoning  for OpenRouter/Ollama style; Anthropic: a thinking block)
 *   cached=N             N cached prompt tokens in usage (OpenAI cached_tokens, Anthropic cache_read)
 *   cache_write=N        Anthropic cache_creation_input_tokens
 *   usage=none           never report usage (the client must estimate)
 *   finish=length|content_filter|tool_calls   the wire's finish reason (Anthropic: max_tokens, refusal, tool_use);
 *                        finish=none: no finish_reason at all, only [DONE] (OpenAI dialect)
 *   unicode=1            multi-byte words (accents, CJK, emoji) in the answer
 *   block=REASON         Gemini: the prompt is refused (promptFeedback.blockReason REASON, no
 *                        candidates), e.g. block=SAFETY
 *   cap_tokens=1         reasoning and text both count against the request's max tokens
 *                        (max_completion_tokens / max_tokens, max_output_tokens,
 *                        generationConfig.maxOutputTokens), reasoning first, as on OpenAI's
 *                        reasoning models and Gemini 2.5: an answer cut there ends finish=length
 *   refusal=1            the model declines: the answer's words come as OpenAI's `refusal`
 *                        (streamed `delta.refusal`, non-streamed `message.refusal`), no content
 * Wire shape
 *   bytes=1              deliver the stream one byte per write
 *   crlf=1               CRLF line endings
 *   comments=1           SSE comments and keep-alives between events (Anthropic: ping events too)
 *   ignore_stream=1      answer a streamed request with the whole JSON answer (a proxy that ignores
 *                        `stream: true`)
 *   cors=1               CORS headers on the answer (access-control-allow-credentials and friends)
 * Faults
 *   fault=401|403|404|429|quota|context|filter|400|413|500|502|503|529|stream_options
 *                        an HTTP error in the dialect's own body (502 is an HTML page)
 *   times=N              faults (fault, drop, end, error_at) hit only the first N requests with
 *                        this prompt, then clear (so retries can be tested)
 *   retry_after=S retry_after_ms=MS   headers on the fault response
 *   echo_key=1           the fault's message quotes the key the request carried, whole, as some
 *                        gateways and providers do ("Incorrect API key provided: sk-…")
 *   drop=N               destroy the connection after N tokens (no terminal marker)
 *   end=N                end the response cleanly after N tokens, without finish or terminal marker
 *   reset=after_finish   reset the connection right after the finish reason (OpenAI: the
 *                        finish_reason chunk, before usage and [DONE]; Anthropic: message_delta,
 *                        before message_stop)
 *   error_at=N           an in-stream error after N tokens, in the form error_form names:
 *   error_form=openai|groq|openrouter|anthropic   (default: the dialect's own)
 *   error_type=server|overloaded|rate_limit       what the in-stream error says it is
 *   hang=1               accept the request and never send a byte (no status, no headers) until
 *                        the client closes the connection (bounded: see silence.ts)
 *   stall=N              stream N tokens, then go silent with the connection open until the
 *                        client closes it (bounded likewise); `times=N` clears both like a fault
 */
export interface AnswerScript {
  tokens: string[];
  /** Tokens per second; 0 means as fast as possible. */
  rate: number;
  /** The finish_reason sent at the end (`[finish=length]`); 'stop' when not asked. */
  finishReason: string;
}

export interface Scenario extends AnswerScript {
  reasoning: string[];
  reasoningField: 'reasoning_content' | 'reasoning';
  delayMs: number;
  cached: number;
  cacheWrite: number;
  usage: boolean;
  finish: string | null;
  bytes: boolean;
  crlf: boolean;
  comments: boolean;
  fault: string | null;
  times: number;
  retryAfter: string | null;
  retryAfterMs: string | null;
  echoKey: boolean;
  drop: number | null;
  end: number | null;
  errorAt: number | null;
  errorForm: string | null;
  errorType: string;
  hang: boolean;
  stall: number | null;
  refusal: boolean;
  block: string | null;
  ignoreStream: boolean;
  cors: boolean;
  resetAfterFinish: boolean;
  capTokens: boolean;
}

const words =
  'Streaming lets the answer appear while the model is still writing it, token by token, so the reader starts early and the wait feels short.'.split(
    ' ',
  );
const unicodeWords = ['naïve ', 'café ', '日本語 ', 'Grüße ', '🙂 ', 'Ελληνικά '];
const thoughts = 'First I consider what was asked, then I weigh the options.'.split(' ');

export function parseDirectives(prompt: string): Record<string, string> {
  const match = /\[([a-z_]+=[^\]\s]+(?:\s+[a-z_]+=[^\]\s]+)*)\]/.exec(prompt);
  if (!match?.[1]) return {};
  return Object.fromEntries(
    match[1].split(/\s+/).map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

export function scriptFor(
  prompt: string,
  defaults: { tokens: number; rate: number },
): AnswerScript {
  const directives = parseDirectives(prompt);
  const count = Number(directives.tokens ?? defaults.tokens);
  const rate = Number(directives.rate ?? defaults.rate);
  const finishReason = directives.finish ?? 'stop';
  // `[answer=NAME]`: a fixed rich markdown answer (answers.ts) instead of the echo.
  const fixed = directives.answer ? fixedAnswers[directives.answer] : undefined;
  if (fixed !== undefined) return { tokens: tokenize(fixed), rate, finishReason };
  const echo = prompt
    .replace(/\[[^\]]*\]/g, '')
    .trim()
    .slice(0, 60);
  const pool = directives.unicode === '1' ? unicodeWords : words;
  const tokens = [`You said: ${echo}.`, '\n\n'];
  for (let i = 0; tokens.length < count; i++)
    tokens.push(`${pool[i % pool.length]}${pool === words ? ' ' : ''}`);
  return { tokens: tokens.slice(0, Math.max(1, count)), rate, finishReason };
}

const num = (value: string | undefined): number | null =>
  value === undefined || value === '' || !Number.isFinite(Number(value)) ? null : Number(value);

export function scenarioFor(prompt: string, defaults: { tokens: number; rate: number }): Scenario {
  const d = parseDirectives(prompt);
  const reasoningCount = num(d.reasoning) ?? 0;
  const reasoning: string[] = [];
  for (let i = 0; i < reasoningCount; i++) reasoning.push(`${thoughts[i % thoughts.length]} `);
  return {
    ...scriptFor(prompt, defaults),
    reasoning,
    reasoningField: d.reasoning_field === 'reasoning' ? 'reasoning' : 'reasoning_content',
    delayMs: num(d.delay) ?? 0,
    cached: num(d.cached) ?? 0,
    cacheWrite: num(d.cache_write) ?? 0,
    usage: d.usage !== 'none',
    finish: d.finish ?? null,
    bytes: d.bytes === '1',
    crlf: d.crlf === '1',
    comments: d.comments === '1',
    fault: d.fault ?? null,
    times: num(d.times) ?? Infinity,
    retryAfter: d.retry_after ?? null,
    retryAfterMs: d.retry_after_ms ?? null,
    echoKey: d.echo_key === '1',
    drop: num(d.drop),
    end: num(d.end),
    errorAt: num(d.error_at),
    errorForm: d.error_form ?? null,
    errorType: d.error_type ?? 'server',
    hang: d.hang === '1',
    stall: num(d.stall),
    refusal: d.refusal === '1',
    block: d.block ?? null,
    ignoreStream: d.ignore_stream === '1',
    cors: d.cors === '1',
    resetAfterFinish: d.reset === 'after_finish',
    capTokens: d.cap_tokens === '1',
  };
}

/** The request's max tokens, whichever dialect's field carries it. */
function maxTokensOf(body: unknown): number | null {
  const b = (body ?? {}) as Record<string, unknown>;
  const config = (b.generationConfig ?? {}) as Record<string, unknown>;
  const limit =
    b.max_completion_tokens ?? b.max_tokens ?? b.max_output_tokens ?? config.maxOutputTokens;
  return typeof limit === 'number' ? limit : null;
}

/**
 * `cap_tokens=1`: the answer spends the request's max tokens on reasoning first, then text; one
 * that does not fit is cut there and ends with finish=length, as a reasoning model's does.
 */
export function withinMaxTokens(scenario: Scenario, body: unknown): Scenario {
  const limit = maxTokensOf(body);
  if (!scenario.capTokens || limit === null) return scenario;
  if (scenario.reasoning.length + scenario.tokens.length <= limit) return scenario;
  const reasoning = scenario.reasoning.slice(0, limit);
  const tokens = scenario.tokens.slice(0, limit - reasoning.length);
  return { ...scenario, reasoning, tokens, finish: 'length' };
}

/** A rough but deterministic prompt token count, so usage figures are reproducible. */
export function countPromptTokens(texts: string[]): number {
  return texts.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / 4)), 0);
}
