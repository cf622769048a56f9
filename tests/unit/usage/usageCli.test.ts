import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUsageArgs, runUsage } from '../../../src/cli/usage';
import { UsageError } from '../../../src/cli/args';
import { tempStore } from '../store/helpers';
import { searchUsageCall } from '../../../src/main/core/usage/searchUsage';

describe('cli usage', () => {
  it('prints the same figures as the report, by model, day or provider, and as JSON', () => {
    const { store, dir, clock } = tempStore();
    const now = Date.UTC(2026, 10, 25, 12);
    clock.set(now - 3_600_000);
    const usage = {
      inputTokens: 1000,
      outputTokens: 100,
      totalTokens: 1100,
      source: 'provider' as const,
    };
    const base = {
      kind: 'chat' as const,
      profileId: 'p',
      conversationId: null,
      messageId: null,
      ttftMs: 1,
      durationMs: 2,
      outcome: 'stop',
    };
    store.ledger.record({ ...base, provider: 'openai', model: 'gpt-4o', usage });
    store.ledger.record({
      ...base,
      provider: 'openai',
      model: 'emu-1',
      usage: { ...usage, source: 'estimated' },
    });
    const search = { provider: 'tavily' as const, ok: true, fee: 0.008, durationMs: 3 };
    store.ledger.record(
      searchUsageCall(search, { conversationId: null, messageId: null }, 'cli-search'),
    );
    store.ledger.record(
      searchUsageCall(
        { ...search, provider: 'searxng', fee: null },
        { conversationId: null, messageId: null },
      ),
    );
    store.close();

    let out = '';
    const io = { env: {}, stdout: (t: string) => void (out += t), now };
    expect(runUsage(parseUsageArgs(['--data-dir', dir, '--json']), io)).toBe(0);
    expect(
      (JSON.parse(out) as { searches: { key: string; searches: number }[] }).searches,
    ).toMatchObject([
      { key: 'searxng', searches: 1, searchCost: null },
      { key: 'tavily', searches: 1, searchCost: 0.008 },
    ]);
    const json = JSON.parse(out) as {
      totals: { calls: number; cost: number; unpricedCalls: number };
      rows: { key: string }[];
    };
    expect(json.totals).toMatchObject({ calls: 2, unpricedCalls: 1 });
    // The tokens' price, and Tavily's search fee (searches are not calls, their fees are cost).
    expect(json.totals.cost).toBeCloseTo((1000 * 2.5 + 100 * 10) / 1e6 + 0.008, 12);
    expect(json.rows.map((r) => r.key)).toEqual(['gpt-4o', 'emu-1']);

    out = '';
    runUsage(parseUsageArgs(['--data-dir', dir, '--by', 'provider']), io);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^provider\s+calls\s+input\s+cached\s+written\s+output\s+reasoning\s+cost\s+saved$/,
    );
    expect(lines[1]).toMatch(/^openai \*\s+2\s+2,000\s+0\s+0\s+200\s+0\s+\$0\.0035\+\s+—$/);
    expect(lines[2]).toMatch(/^total \*/);
    // The searches after the table, apart from the calls; an unknown fee is "—", never $0.
    expect(lines).toContain('web searches (tavily): 1, fees $0.0080');
    expect(lines).toContain('web searches (searxng): 1, fees —');

    out = '';
    runUsage(parseUsageArgs(['--data-dir', dir, '--since', '2026-11-26', '--json']), io);
    expect((JSON.parse(out) as { totals: { calls: number } }).totals.calls).toBe(0);
  });

  it('reads a history it cannot use as the app would, saying why on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-usage-cli-damaged-'));
    writeFileSync(join(dir, 'switchboard.db'), 'not a database, but long enough to have a header');
    let out = '';
    let err = '';
    const io = {
      env: {},
      stdout: (t: string) => void (out += t),
      stderr: (t: string) => void (err += t),
    };
    expect(runUsage(parseUsageArgs(['--data-dir', dir, '--json']), io)).toBe(0);
    expect(err).toMatch(/^Note: The history file is damaged.*could not be read at all/);
    expect((JSON.parse(out) as { totals: { calls: number } }).totals.calls).toBe(0);
  });

  it('reports zeros without creating a database, and refuses bad flags', () => {
    let out = '';
    const io = { env: {}, stdout: (t: string) => void (out += t) };
    expect(runUsage(parseUsageArgs(['--data-dir', '/nonexistent-switchboard', '--json']), io)).toBe(
      0,
    );
    expect(JSON.parse(out)).toMatchObject({ totals: { calls: 0, cost: null } });
    expect(() => parseUsageArgs(['--by', 'week'])).toThrow(UsageError);
    expect(() => parseUsageArgs(['--since', 'yesterday'])).toThrow(UsageError);
  });
});
