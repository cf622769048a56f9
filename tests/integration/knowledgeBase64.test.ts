/**
 * Embeddings as base64 over loopback (OpenAI's `encoding_format: 'base64'`, the SDK's default):
 * the vectors read back are the emulator's numbers as Float32, a server that ignores the field
 * (numbers back) is read as well, and one that refuses it (400) is asked again for floats, once:
 * remembered per profile, and only when the float request then succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedderFor } from '../../src/main/core/knowledge/embeddingsClient';
import type { ProviderTarget } from '../../src/main/core/providers/types';
import { embedText, EMBED_DIMENSIONS } from '../emulator/embeddings';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget } from '../support/engineRun';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const TEXTS = ['the kettle boils water in two minutes', 'a lamp of brass with a green shade'];

/** A target with a profile id of its own: what was learnt about one profile stays with it. */
function target(id: string): ProviderTarget {
  const base = emulatorTarget(emulator, 'openai', 'key-9b1e44c07a3d');
  return { ...base, profile: { ...base.profile, id } };
}

/** The encoding_format of each embeddings request made since `from`. */
const formats = (from: number) =>
  emulator.requests
    .slice(from)
    .filter((r) => r.path.endsWith('/embeddings'))
    .map((r) => (r.body as { encoding_format?: string }).encoding_format);

function expectEmulatorVectors(vectors: Float32Array[]): void {
  expect(vectors).toHaveLength(TEXTS.length);
  vectors.forEach((vector, i) => {
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(EMBED_DIMENSIONS);
    expect([...vector]).toEqual([...Float32Array.from(embedText(TEXTS[i]!))]);
  });
}

describe('base64 embeddings', () => {
  it('are asked for and read back as the server computed them', async () => {
    const from = emulator.requests.length;
    expectEmulatorVectors(await embedderFor(target('b64-plain'), 'emu-embed')(TEXTS));
    expect(formats(from)).toEqual(['base64']);
  });

  it('from a server that ignores the field come back as numbers and are read as well', async () => {
    const from = emulator.requests.length;
    expectEmulatorVectors(await embedderFor(target('b64-ignored'), 'emu-embed-floatonly')(TEXTS));
    expect(formats(from)).toEqual(['base64']);
  });

  it('refused by a server (400) are asked for as floats, and that profile is asked for floats after', async () => {
    const from = emulator.requests.length;
    const refusing = target('b64-refused');
    expectEmulatorVectors(await embedderFor(refusing, 'emu-embed-nobase64')(TEXTS));
    expect(formats(from)).toEqual(['base64', 'float']);
    expectEmulatorVectors(await embedderFor(refusing, 'emu-embed-nobase64')(TEXTS));
    expect(formats(from)).toEqual(['base64', 'float', 'float']);
    // Another profile is not taken for the same server.
    await embedderFor(target('b64-other'), 'emu-embed')(TEXTS);
    expect(formats(from).at(-1)).toBe('base64');
  });

  it('a 400 for another reason is said as it is and teaches nothing', async () => {
    const from = emulator.requests.length;
    const profile = target('b64-wrong-input');
    await expect(embedderFor(profile, 'emu-embed')(['fine', ''])).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/non-empty strings/),
    });
    expect(formats(from)).toEqual(['base64', 'float']);
    await embedderFor(profile, 'emu-embed')(TEXTS);
    expect(formats(from).at(-1)).toBe('base64');
  });
});
