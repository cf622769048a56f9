import { parseArgs } from 'node:util';
import { providerTypes, type ProviderType } from '../main/core/providers/types';
import { providerKinds } from '../shared/providerKinds';
import { wireApis, type WireApi } from '../shared/wireApi';
import { reasoningEfforts, type ReasoningEffort } from '../shared/reasoning';

export const usageText = `usage: npm run --silent cli -- ask [options] PROMPT
       npm run --silent cli -- compare [ask's provider options] --model A --model B … PROMPT
       npm run --silent cli -- models [--provider P] [--base-url URL] [--endpoint URL] [--api-version V] [--api A]
       npm run --silent cli -- keys set PROFILE | keys list [--json] | keys remove PROFILE

  PROMPT                  the question; - reads it from stdin

ask options:
  --provider P            openai (default) | anthropic | azure | openai-compatible | gemini
  --base-url URL          API base URL (default from OPENAI_BASE_URL / ANTHROPIC_BASE_URL /
                          GOOGLE_GEMINI_BASE_URL)
  --endpoint URL          Azure resource endpoint (default AZURE_OPENAI_ENDPOINT)
  --api-version V         Azure api-version (default OPENAI_API_VERSION or 2024-10-21)
  --api A                 openai and azure: responses | chat, the wire API to call (default:
                          responses on api.openai.com, chat on any other server)
  --model M               model; for azure, the deployment (required)
  --system S              system prompt
  --max-tokens N          maximum tokens to generate
  --temperature T         sampling temperature (0-2; anthropic 0-1)
  --top-p P               nucleus sampling (0-1)
  --stop S                stop sequence (repeatable; openai and azure take at most 4, gemini 5)
  --reasoning-effort L    minimal | low | medium | high, for models that reason (OpenAI o-series
                          and gpt-5: reasoning_effort; Claude 3.7-4.5: a thinking budget of
                          1024 / 2048 / 8192 / 16384 tokens; Claude 4.6 and later: adaptive
                          thinking at that effort); other models get nothing
  --no-cache              anthropic: no prompt caching breakpoints (cache_control) this call
  --no-stream             one plain request instead of a stream
  --json                  print one JSON object when the answer ends, instead of the text
  --verbose               the request (key redacted) and the response's status on stderr
  --show-request          the request (key redacted) on stderr
  --raw                   the raw stream events on stderr as they arrive
  --no-record             leave this call out of the usage history (see below)
  --attach FILE           attach an image, PDF or text file (repeatable), sent as the provider
                          takes it (README, "Attachments": the limits and how each is sent)
  --mcp-config FILE       offer the tools of the MCP servers in FILE (the mcpServers JSON of
                          Claude Desktop or Cursor); the tool loop runs until the model answers
  --approve W             all | none | ask (default): which tool calls run; ask prompts per call
  --max-steps N           the most provider calls the tool loop makes (1 to 50; default 10)
  --web-search            let the model search the web, as the app does: the provider's own
                          search tool where it has one, else web_search over the search provider
                          of the app's Settings › Web search (same settings and keychain keys);
                          the pages found are listed under the answer as its sources

compare options: the provider and sampling options of ask, --reasoning-effort (each model that
  takes it gets it), --no-stream, --json, --no-record, and
  --model M               a model to ask (repeat: 2 to 8); each is asked at once, then a
                          table shows time to first token, tokens/s, tokens in/out and cost

Keys come from OPENAI_API_KEY, ANTHROPIC_API_KEY, AZURE_OPENAI_API_KEY, GOOGLE_API_KEY or
GEMINI_API_KEY (GOOGLE_API_KEY first, as Google's SDK reads them) and OPENAI_COMPATIBLE_API_KEY;
a local OpenAI-compatible server needs none.
Every ask and compare call is counted in the app's usage history (switchboard.db in the app's
folder, or SWITCHBOARD_CONFIG_DIR), as a CLI call, after the answer; \`usage\` and the Usage
screen show it. When the history cannot be written (locked, read-only, damaged) the answer is
unchanged and a note on stderr says the call was not recorded.
Exit status: 0 answered, 1 the answer ended in an error or a refusal, 2 bad usage (a value the
provider does not take included), 130 interrupted.`;

export class UsageError extends Error {}

export interface ConnectionArgs {
  provider: ProviderType;
  baseUrl?: string | undefined;
  endpoint?: string | undefined;
  apiVersion?: string | undefined;
  /** OpenAI and Azure: Chat Completions or the Responses API; absent, wireApiFor decides. */
  api?: WireApi | undefined;
}

export interface AskArgs extends ConnectionArgs {
  model: string;
  prompt: string;
  system?: string | undefined;
  maxTokens?: number | undefined;
  temperature?: number | undefined;
  topP?: number | undefined;
  stop: string[];
  reasoningEffort?: ReasoningEffort | undefined;
  /** Anthropic prompt caching (false with --no-cache). */
  promptCaching: boolean;
  stream: boolean;
  json: boolean;
  verbose: boolean;
  showRequest: boolean;
  raw: boolean;
  /** Count the call in the usage history (false with --no-record). */
  record: boolean;
  /** Files attached to the question (--attach, repeatable). */
  attach: string[];
  /** An mcpServers JSON file whose tools the model may call. */
  mcpConfig?: string | undefined;
  approve: 'all' | 'none' | 'ask';
  /** The tool loop's step limit (--max-steps); absent, the default. */
  maxSteps?: number | undefined;
  /** Web search as the app offers it (--web-search). */
  webSearch: boolean;
}

const connectionOptions = {
  provider: { type: 'string' },
  'base-url': { type: 'string' },
  endpoint: { type: 'string' },
  'api-version': { type: 'string' },
  api: { type: 'string' },
} as const;

/** parseArgs throws on unknown or malformed flags: that is a usage error (exit 2). */
function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function url(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^/]/.test(value))
    throw new UsageError(`--${name} must be an http(s) URL, got "${value}"`);
  return value;
}

function number(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
  integer = false,
) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(n) ||
    n < min ||
    n > max ||
    (integer && !Number.isInteger(n))
  ) {
    throw new UsageError(
      `--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${value}"`,
    );
  }
  return n;
}

function effort(value: string | undefined): ReasoningEffort | undefined {
  if (value === undefined) return undefined;
  const level = reasoningEfforts.find((e) => e === value);
  if (!level)
    throw new UsageError(
      `--reasoning-effort must be one of ${reasoningEfforts.join(', ')}, got "${value}"`,
    );
  return level;
}

function connection(values: Record<string, unknown>): ConnectionArgs {
  const provider = (values.provider as string | undefined) ?? 'openai';
  if (!(providerTypes as readonly string[]).includes(provider)) {
    throw new UsageError(
      `--provider must be one of ${providerTypes.join(', ')}, got "${provider}"`,
    );
  }
  return {
    provider: provider as ProviderType,
    baseUrl: url('base-url', values['base-url'] as string | undefined),
    endpoint: url('endpoint', values.endpoint as string | undefined),
    apiVersion: values['api-version'] as string | undefined,
    api: wireApi(provider as ProviderType, values.api as string | undefined),
  };
}

/** `--api`: one of the wire APIs, and only for the types that speak both (providerKinds.ts). */
function wireApi(provider: ProviderType, value: string | undefined): WireApi | undefined {
  if (value === undefined) return undefined;
  if (!(wireApis as readonly string[]).includes(value))
    throw new UsageError(`--api must be one of ${wireApis.join(', ')}, got "${value}"`);
  if (!providerKinds[provider].wireApiChoice) {
    const which = providerTypes.filter((type) => providerKinds[type].wireApiChoice);
    throw new UsageError(`--api is for ${which.join(' and ')} only, not ${provider}`);
  }
  return value as WireApi;
}

export function parseAskArgs(argv: string[]): AskArgs {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...connectionOptions,
        model: { type: 'string' },
        system: { type: 'string' },
        'max-tokens': { type: 'string' },
        temperature: { type: 'string' },
        'top-p': { type: 'string' },
        stop: { type: 'string', multiple: true },
        'reasoning-effort': { type: 'string' },
        'no-cache': { type: 'boolean' },
        'no-stream': { type: 'boolean' },
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
        'show-request': { type: 'boolean' },
        raw: { type: 'boolean' },
        'no-record': { type: 'boolean' },
        attach: { type: 'string', multiple: true },
        'mcp-config': { type: 'string' },
        approve: { type: 'string' },
        'max-steps': { type: 'string' },
        'web-search': { type: 'boolean' },
      },
    }),
  );
  if (!values.model) throw new UsageError('--model is required (for azure: the deployment)');
  const approve = values.approve ?? 'ask';
  if (approve !== 'all' && approve !== 'none' && approve !== 'ask')
    throw new UsageError('--approve takes all, none or ask');
  if (positionals.length === 0)
    throw new UsageError('PROMPT is missing (use - to read it from stdin)');
  const connected = connection(values);
  // Only a provider with prompt caching breakpoints has any to leave out (providerKinds.ts).
  if (values['no-cache'] && !providerKinds[connected.provider].promptCachingSwitch)
    throw new UsageError('--no-cache is for --provider anthropic (the only one with breakpoints)');
  return {
    ...connected,
    model: values.model,
    // An unquoted prompt arrives as several words: take them as one.
    prompt: positionals.join(' '),
    system: values.system,
    maxTokens: number('max-tokens', values['max-tokens'], 1, 10_000_000, true),
    temperature: number('temperature', values.temperature, 0, 2),
    topP: number('top-p', values['top-p'], 0, 1),
    stop: values.stop ?? [],
    reasoningEffort: effort(values['reasoning-effort']),
    promptCaching: !values['no-cache'],
    stream: !values['no-stream'],
    json: !!values.json,
    verbose: !!values.verbose,
    showRequest: !!values['show-request'] || !!values.verbose,
    raw: !!values.raw,
    record: !values['no-record'],
    attach: values.attach ?? [],
    mcpConfig: values['mcp-config'],
    approve,
    // The same range as the app's setting (Settings › Tools).
    maxSteps: number('max-steps', values['max-steps'], 1, 50, true),
    webSearch: !!values['web-search'],
  };
}

export interface CompareArgs extends ConnectionArgs {
  models: string[];
  prompt: string;
  system?: string | undefined;
  maxTokens?: number | undefined;
  temperature?: number | undefined;
  topP?: number | undefined;
  reasoningEffort?: ReasoningEffort | undefined;
  stream: boolean;
  json: boolean;
  record: boolean;
}

export function parseCompareArgs(argv: string[]): CompareArgs {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...connectionOptions,
        model: { type: 'string', multiple: true },
        system: { type: 'string' },
        'max-tokens': { type: 'string' },
        temperature: { type: 'string' },
        'top-p': { type: 'string' },
        'reasoning-effort': { type: 'string' },
        'no-stream': { type: 'boolean' },
        json: { type: 'boolean' },
        'no-record': { type: 'boolean' },
      },
    }),
  );
  const models = values.model ?? [];
  if (models.length < 2 || models.length > 8)
    throw new UsageError(`compare needs 2 to 8 --model flags, got ${models.length}`);
  if (positionals.length === 0)
    throw new UsageError('PROMPT is missing (use - to read it from stdin)');
  return {
    ...connection(values),
    models,
    prompt: positionals.join(' '),
    system: values.system,
    maxTokens: number('max-tokens', values['max-tokens'], 1, 10_000_000, true),
    temperature: number('temperature', values.temperature, 0, 2),
    topP: number('top-p', values['top-p'], 0, 1),
    reasoningEffort: effort(values['reasoning-effort']),
    stream: !values['no-stream'],
    json: !!values.json,
    record: !values['no-record'],
  };
}

export function parseModelsArgs(argv: string[]): ConnectionArgs & { json: boolean } {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...connectionOptions, json: { type: 'boolean' } },
    }),
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  return { ...connection(values), json: !!values.json };
}
