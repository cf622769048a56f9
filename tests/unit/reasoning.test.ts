import { describe, expect, it } from 'vitest';
import { anthropicThinkingMode, takesReasoningEffort } from '../../src/shared/reasoning';

describe('takesReasoningEffort', () => {
  it.each([
    ['openai', 'o1'],
    ['openai', 'o1-2024-12-17'],
    ['openai', 'o3'],
    ['openai', 'o3-mini'],
    ['openai', 'o4-mini'],
    ['openai', 'gpt-5'],
    ['openai', 'gpt-5-nano-2025-08-07'],
    ['openai', 'GPT-5.1'],
    ['azure', 'o3-mini'],
    ['anthropic', 'claude-3-7-sonnet-20250219'],
    ['anthropic', 'claude-sonnet-4-20250514'],
    ['anthropic', 'claude-sonnet-4-5'],
    ['anthropic', 'claude-sonnet-4-6'],
    ['anthropic', 'claude-opus-4-1-20250805'],
    ['anthropic', 'claude-opus-4-5'],
    ['anthropic', 'claude-haiku-4-5-20251001'],
    ['anthropic', 'claude-opus-4-7'],
    ['anthropic', 'claude-opus-4-8'],
    ['anthropic', 'claude-sonnet-5'],
    ['anthropic', 'claude-sonnet-5-5'],
    ['anthropic', 'claude-fable-5-1'],
    ['gemini', 'gemini-2.5-pro'],
    ['gemini', 'gemini-2.5-flash-lite'],
    ['gemini', 'gemini-3-pro-preview'],
  ])('%s %s takes it', (type, model) => {
    expect(takesReasoningEffort(type, model)).toBe(true);
  });

  it.each([
    ['openai', 'gpt-4o'],
    ['openai', 'gpt-4.1-mini'],
    ['openai', 'o1-mini'],
    ['openai', 'o1-preview'],
    ['openai', 'gpt-5-chat-latest'],
    ['openai', 'o30-fake'],
    ['openai-compatible', 'o3'],
    ['anthropic', 'claude-3-5-sonnet-20241022'],
    ['anthropic', 'claude-3-5-haiku'],
    ['anthropic', 'claude-opus-4-9'],
    ['anthropic', 'claude-sonnet-5-9'],
    ['anthropic', 'o3'],
    ['gemini', 'gemini-2.0-flash'],
    ['gemini', 'gemini-1.5-pro'],
    ['openai', ''],
  ])('%s %s does not', (type, model) => {
    expect(takesReasoningEffort(type, model)).toBe(false);
  });
});

describe('anthropicThinkingMode', () => {
  it.each([
    ['claude-3-7-sonnet-latest', 'budget'],
    ['claude-opus-4-20250514', 'budget'],
    ['claude-haiku-4-5', 'budget'],
    ['claude-sonnet-4-6', 'adaptive'],
    ['claude-opus-4-7', 'adaptive'],
    ['claude-opus-5', 'adaptive'],
    ['claude-opus-5-5', 'adaptive'],
    ['claude-mythos-5', 'effort'],
    ['claude-3-5-sonnet-20241022', null],
  ])('%s: %s', (model, mode) => {
    expect(anthropicThinkingMode(model)).toBe(mode);
  });
});
