import { randomUUID } from 'node:crypto';
import { streamChat, type EngineOptions } from '../../src/main/core/providers/streamChat';
import type {
  ChatRequest,
  ProviderTarget,
  ProviderType,
} from '../../src/main/core/providers/types';
import type { ProviderError, RateLimitInfo, StreamEvent, Usage } from '../../src/shared/stream';
import type { Emulator } from '../emulator/server';

/** One engine call collected into what tests assert on. */
export interface EngineRun {
  events: StreamEvent[];
  text: string;
  reasoning: string;
  metadata: Extract<StreamEvent, { type: 'metadata' }> | undefined;
  usage: Usage | undefined;
  error: ProviderError | undefined;
  rateLimit: RateLimitInfo | undefined;
  finish: Extract<StreamEvent, { type: 'finish' }>;
}

export async function runEngine(
  target: ProviderTarget,
  request: ChatRequest,
  options: EngineOptions = {},
): Promise<EngineRun> {
  const events: StreamEvent[] = [];
  for await (const event of streamChat(target, request, options)) events.push(event);
  const finishes = events.filter((e) => e.type === 'finish');
  if (finishes.length !== 1 || events.at(-1)?.type !== 'finish') {
    throw new Error(`expected exactly one finish, last: ${JSON.stringify(events.slice(-3))}`);
  }
  const of = <T extends StreamEvent['type']>(type: T) =>
    events.filter((e): e is Extract<StreamEvent, { type: T }> => e.type === type);
  return {
    events,
    text: of('text')
      .map((e) => e.text)
      .join(''),
    reasoning: of('reasoning')
      .map((e) => e.text)
      .join(''),
    metadata: of('metadata')[0],
    usage: of('usage').at(-1)?.usage,
    error: of('error').at(-1)?.error,
    rateLimit: of('rateLimit').at(-1)?.rateLimit,
    finish: finishes[0] as Extract<StreamEvent, { type: 'finish' }>,
  };
}

export const dialects: ProviderType[] = ['openai', 'azure', 'anthropic', 'openai-compatible'];

/** A target for each dialect on the emulator, with a recognisable fake key. */
export function emulatorTarget(
  emulator: Emulator,
  type: ProviderType,
  apiKey: string | null = `key-${type}-0123456789`,
): ProviderTarget {
  const origin = type === 'anthropic' || type === 'azure' || type === 'gemini';
  const baseUrl = origin ? emulator.origin : emulator.url;
  const models: Partial<Record<ProviderType, string>> = {
    anthropic: 'claude-emu-1',
    azure: 'deploy-emu',
    gemini: 'gemini-3-emu-1',
  };
  const defaultModel = models[type] ?? 'emu-1';
  return { profile: { id: type, name: type, type, baseUrl, defaultModel }, apiKey };
}

export function ask(
  target: ProviderTarget,
  prompt: string,
  extra: Partial<ChatRequest> = {},
): ChatRequest {
  return {
    model: target.profile.defaultModel,
    messages: [{ role: 'user', content: prompt }],
    ...extra,
  };
}

/** The chat requests the emulator received whose prompt contains `marker`. */
export function callsWith(emulator: Emulator, marker: string) {
  return emulator.requests.filter(
    (r) => r.method === 'POST' && JSON.stringify(r.body).includes(marker),
  );
}

/** A unique prompt so the emulator's per-prompt fault counters and our request filters stay apart. */
export function taggedPrompt(directives: string): { marker: string; prompt: string } {
  const marker = `t${randomUUID().slice(0, 8)}`;
  return { marker, prompt: `Question ${marker} [${directives}]` };
}
