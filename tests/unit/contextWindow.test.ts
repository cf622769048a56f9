import { describe, expect, it } from 'vitest';
import { fitTurns, measureContext } from '../../src/main/core/context/contextMeasure';
import { contextWindowFor } from '../../src/main/core/context/contextWindows';
import { tokenizerFor } from '../../src/main/core/context/tokenCounter';

const words = (n: number) => Array.from({ length: n }, () => 'x').join(' ');
/** One token per word, so the sums below can be checked by hand. */
const count = (text: string) => (text ? text.split(' ').length : 0);

describe('context windows', () => {
  it('knows OpenAI models (snapshots and router names too), Claude and Gemini, and nothing else', async () => {
    const { models } = await tokenizerFor('gpt-4o');
    expect(contextWindowFor('gpt-4o', models)?.tokens).toBe(128_000);
    expect(contextWindowFor('gpt-4o-2099-01-01', models)?.tokens).toBe(128_000);
    expect(contextWindowFor('openai/gpt-4', models)?.tokens).toBe(8192);
    expect(contextWindowFor('claude-sonnet-4-5', models)?.tokens).toBe(200_000);
    expect(contextWindowFor('gemini-2.5-flash', models)?.tokens).toBe(1_048_576);
    expect(contextWindowFor('llama3.1:8b', models)).toBeNull();
  });

  it('counts OpenAI models with their own encoding and anything else as an estimate', async () => {
    const gpt4 = await tokenizerFor('gpt-4');
    const claude = await tokenizerFor('claude-sonnet-4-5');
    expect(gpt4.exact).toBe(true);
    expect(claude.exact).toBe(false);
    // cl100k_base and o200k_base split this differently: the encoding really is the model's.
    const text = 'ประเทศไทย 日本語のテキスト and some English';
    expect(gpt4.count(text)).not.toBe(claude.count(text));
  });
});

describe('measuring and fitting', () => {
  const turns = [
    { role: 'user' as const, content: words(100) },
    { role: 'assistant' as const, content: words(100) },
    { role: 'user' as const, content: words(100) },
    { role: 'assistant' as const, content: words(100) },
  ];

  it('adds the framing of every message, and says how many of the newest fit under recent', () => {
    const base = {
      system: words(10),
      turns,
      draft: words(50),
      maxTokens: 20,
      window: { tokens: 300, source: 'test' },
      count,
      exact: true,
    };
    // 3 priming + (3+10) system + (3+50) draft + 4 × (3+100)
    const report = measureContext({ ...base, policy: null });
    expect(report).toMatchObject({
      usedTokens: 481,
      fits: false,
      sentMessages: 4,
      sentTokens: 481,
    });
    const recent = measureContext({ ...base, policy: 'recent' });
    // 300 - 20 reserved - 69 fixed = 211: two messages of 103.
    expect(recent).toMatchObject({ fits: false, sentMessages: 2, sentTokens: 69 + 206 });
    expect(measureContext({ ...base, window: null, policy: null }).fits).toBe(true);
  });

  it('holds room for the knowledge passages: in the fit, and in what recent leaves out', () => {
    const base = {
      system: null,
      turns: turns.slice(0, 2),
      draft: words(50),
      maxTokens: undefined,
      window: { tokens: 300, source: 'test' },
      count,
      exact: true,
    };
    // 3 priming + (3+50) draft + 2 × (3+100) = 262: fits alone, not with 60 held for passages.
    const alone = measureContext({ ...base, policy: null });
    expect(alone).toMatchObject({ usedTokens: 262, passageTokens: 0, fits: true });
    const held = measureContext({ ...base, passageTokens: 60, policy: null });
    expect(held).toMatchObject({ usedTokens: 262, passageTokens: 60, fits: false });
    // 300 - 60 passages - 56 fixed = 184: one message of 103.
    const recent = measureContext({ ...base, passageTokens: 60, policy: 'recent' });
    expect(recent).toMatchObject({ sentMessages: 1, sentTokens: 56 + 103 });
  });

  it('fits the newest turns starting with a question, always keeping the last', () => {
    // Budget for three turns: it would start on an answer, so it starts one later.
    expect(fitTurns(turns, 3 + 3 * 103, count)).toEqual(turns.slice(2));
    expect(fitTurns(turns, 10, count)).toEqual(turns.slice(3));
    expect(fitTurns(turns, 10_000, count)).toEqual(turns);
  });
});
