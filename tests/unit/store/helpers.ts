import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../../src/main/core/store/Store';

/** A fresh data dir and a clock that moves one millisecond per read (orders are deterministic). */
export function tempStore(): {
  store: Store;
  dir: string;
  clock: { now: () => number; set: (t: number) => void };
} {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-store-'));
  let t = 1_700_000_000_000;
  const clock = { now: () => ++t, set: (value: number) => void (t = value) };
  return { store: openStore({ dataDir: dir, now: clock.now }), dir, clock };
}

export const noSettings = {
  profileId: 'openai',
  model: 'emu-1',
  systemPrompt: null,
  parameters: {},
};
