/**
 * The browser side of the harness socket, with a stand-in WebSocket (the edge of this unit):
 * a call never hangs on a closed socket, the next call reconnects, and a large call goes out
 * in frames the server's cap accepts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FRAME_CHARS, MAX_FRAME_BYTES, parseChunk } from '../../src/harness/protocol';

class FakeSocket extends EventTarget {
  static all: FakeSocket[] = [];
  readonly sent: string[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.all.push(this);
    queueMicrotask(() => this.dispatchEvent(new Event('open')));
  }
  send(frame: string) {
    this.sent.push(frame);
  }
  /** Answers the invoke carried by everything sent so far (whole or chunked). */
  answerLast(result: unknown) {
    const message = JSON.parse(joined(this.sent)) as { id: number };
    this.sent.length = 0;
    const data = JSON.stringify({ type: 'result', id: message.id, result });
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  drop(code = 1006) {
    this.dispatchEvent(Object.assign(new Event('close'), { code }));
  }
}

function joined(frames: string[]): string {
  const pieces = frames.map((frame) => parseChunk(frame)?.data ?? frame);
  return pieces.join('');
}

type Api = {
  getAppInfo(request: object): Promise<{ ok: boolean; error?: { message: string } }>;
  importConversations(request: { content: string }): Promise<{ ok: boolean }>;
};
let api: Api;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(async () => {
  vi.stubGlobal('location', { hash: '#token=t0k', host: '127.0.0.1:9' });
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('WebSocket', FakeSocket);
  await import('../../src/harness/bridge');
  api = (globalThis as unknown as { api: Api }).api;
});
afterAll(() => vi.unstubAllGlobals());

describe('harness bridge', () => {
  it('rejects the calls a closed socket carried, then reconnects for the next one', async () => {
    await tick();
    const first = FakeSocket.all.at(-1)!;
    const waiting = api.getAppInfo({});
    await tick();
    first.drop(1009);
    const failed = await waiting;
    expect(failed.ok).toBe(false);
    expect(failed.error?.message).toMatch(
      /connection to the harness closed \(a message was too large\)/,
    );

    const again = api.getAppInfo({});
    await tick();
    const second = FakeSocket.all.at(-1)!;
    expect(second).not.toBe(first);
    expect(second.url).toContain('token=t0k');
    second.answerLast({ ok: true, value: { shell: 'harness' } });
    expect(await again).toMatchObject({ ok: true });
  });

  it('sends a 5 MB call in frames under the cap, in order, rebuilt exactly (emoji at the edges too)', async () => {
    const socket = FakeSocket.all.at(-1)!;
    // Emoji across every frame boundary, at both parities: a split pair would arrive as U+FFFD.
    for (const lead of ['', 'x']) {
      const content = lead + '🙂'.repeat(2.5 * 1024 * 1024);
      const call = api.importConversations({ content });
      await tick();
      expect(socket.sent.length).toBeGreaterThan(4);
      for (const frame of socket.sent) {
        expect(Buffer.byteLength(frame)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
        expect(parseChunk(frame)!.data.length).toBeLessThanOrEqual(FRAME_CHARS);
        expect(Buffer.from(frame, 'utf8').toString('utf8')).not.toContain('\ufffd');
      }
      const message = JSON.parse(joined(socket.sent)) as { payload: { content: string } };
      expect(message.payload.content === content).toBe(true);
      socket.answerLast({ ok: true, value: { conversations: 0, messages: 0 } });
      expect(await call).toMatchObject({ ok: true });
    }
  });
});
