/**
 * "Test connection" is billed where it makes a chat call: through the real core, the real IPC
 * contract and the emulator on loopback, a test of an OpenAI profile leaves one ledger row with
 * the tokens the emulator's answer reported, priced at the price in force for its model.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { registerIpc } from '../../src/main/ipc';
import { createApi } from '../../src/preload/createApi';
import type { SwitchboardApi } from '../../src/shared/api';
import type { IpcResult } from '../../src/shared/result';
import type { WireApi } from '../../src/shared/wireApi';
import { startEmulator, type Emulator } from '../emulator/server';
import { createMemoryIpcPair } from '../support/memoryIpc';

let emulator: Emulator;
let dir: string;
let core: Core;
let api: SwitchboardApi;

beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 6, defaultRate: 0 });
  dir = mkdtempSync(join(tmpdir(), 'switchboard-probe-usage-'));
  core = createCore({
    dataDir: dir,
    env: {},
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: () => {},
  });
  const pair = createMemoryIpcPair();
  registerIpc(pair.main, core.handlers, { isTrustedSender: () => true });
  api = createApi(pair.renderer);
});
afterAll(async () => {
  await core?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

interface Row {
  kind: string;
  model: string | null;
  input_tokens: number | null;
  cached_input_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
  cost: number | null;
}

const lastRow = () =>
  core.store.db
    .prepare(
      `SELECT kind, model, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost
       FROM usage_ledger ORDER BY id DESC LIMIT 1`,
    )
    .get() as Row;

async function testProfile(wire: WireApi) {
  return value(
    await api.testConnection({
      profile: {
        name: 'Probe',
        type: 'openai',
        baseUrl: emulator.url,
        defaultModel: 'emu-1',
        api: wire,
      },
      apiKey: 'sk-probe-usage-0000',
    }),
  );
}

describe('a connection test in the ledger', () => {
  it('counts the Responses call with the tokens the emulator reported, and prices it', async () => {
    // emu-1 has no shipped price: one set in Settings › Prices, $1000 and $2000 a million.
    value(
      await api.setPriceOverride({
        model: 'emu-1',
        provider: 'openai',
        inputPerMTok: 1000,
        cachedInputPerMTok: 100,
        outputPerMTok: 2000,
      }),
    );
    const report = await testProfile('responses');
    expect(report).toMatchObject({ ok: true, api: 'responses' });
    const call = emulator.requests.filter((r) => r.path === '/v1/responses').at(-1);
    const wire = (JSON.parse(call!.response) as { usage: Record<string, number> }).usage;
    expect(wire.output_tokens).toBeGreaterThan(0);
    const row = lastRow();
    expect(row).toEqual({
      kind: 'test',
      model: 'emu-1',
      input_tokens: wire.input_tokens,
      cached_input_tokens: 0,
      output_tokens: wire.output_tokens,
      reasoning_tokens: 0,
      cost: expect.any(Number),
    });
    expect(row.cost).toBeCloseTo((wire.input_tokens! * 1000 + wire.output_tokens! * 2000) / 1e6, 9);
    // The report carries counts and a model id, nothing of the key.
    expect(JSON.stringify(report)).not.toContain('sk-probe-usage');
  });

  it('counts the one-token Chat Completions call the same way', async () => {
    const report = await testProfile('chat');
    expect(report).toMatchObject({ ok: true, api: 'chat' });
    const call = emulator.requests.filter((r) => r.path === '/v1/chat/completions').at(-1);
    const wire = (JSON.parse(call!.response) as { usage: Record<string, number> }).usage;
    const row = lastRow();
    expect(row).toMatchObject({
      kind: 'test',
      model: 'emu-1',
      input_tokens: wire.prompt_tokens,
      output_tokens: wire.completion_tokens,
    });
    expect(row.cost).toBeCloseTo(
      (wire.prompt_tokens! * 1000 + wire.completion_tokens! * 2000) / 1e6,
      9,
    );
  });
});
