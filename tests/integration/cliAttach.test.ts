/**
 * `ask --attach FILE` over loopback: the files go in the provider's documented shape, by the
 * app's rules; a refused file (binary, too large) is a usage error before any request.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/server';
import { pdfSaying, pngOf } from '../support/attachmentFiles';
import { callsWith } from '../support/engineRun';
import { runCli, type CliRun } from '../support/cliProcess';

const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-attach-'));
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  writeFileSync(join(dir, 'chart.png'), await pngOf(40, 20));
  writeFileSync(join(dir, 'paper.pdf'), pdfSaying('Hello from the PDF'));
  writeFileSync(join(dir, 'main.py'), 'print("hi")\n');
  writeFileSync(join(dir, 'blob.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]));
  writeFileSync(join(dir, 'huge.log'), Buffer.alloc(21 * 1024 * 1024, 97));
});
afterAll(async () => {
  await emulator?.close();
});

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, {
    SWITCHBOARD_CONFIG_DIR: dir,
    ANTHROPIC_BASE_URL: emulator.origin,
    ANTHROPIC_API_KEY: 'sk-ant-cli-attach-0001',
  });
}

const base = ['ask', '--provider', 'anthropic', '--model', 'claude-emu-1', '--no-record'];

describe('ask --attach', () => {
  it('sends an image, a PDF and a code file as Anthropic blocks and inline text', async () => {
    const files = ['chart.png', 'paper.pdf', 'main.py'].flatMap((f) => ['--attach', join(dir, f)]);
    const run = await cli([...base, ...files, 'Read these cliattach1 [tokens=3]']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [call] = callsWith(emulator, 'cliattach1');
    const content = (call!.body as { messages: { content: { type: string; text?: string }[] }[] })
      .messages[0]!.content;
    expect(content.map((block) => block.type)).toEqual(['image', 'document', 'text']);
    expect(content[2]!.text).toBe(
      'Attached file: main.py\n```\nprint("hi")\n\n```\n\nRead these cliattach1 [tokens=3]',
    );
  });

  it.each([
    ['blob.txt', /--attach: blob\.txt: Switchboard can attach images/],
    ['huge.log', /--attach: huge\.log is 21\.0 MB; one attachment can be at most 20\.0 MB/],
  ])('refuses %s with a usage error, before any request', async (file, message) => {
    const before = emulator.requests.length;
    const run = await cli([...base, '--attach', join(dir, file), 'never sent']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(emulator.requests.length).toBe(before);
  });
});
