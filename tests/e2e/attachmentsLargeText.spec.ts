import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const MB = 1024 * 1024;

/**
 * A sequence on one line, `size` bytes (a genome exported as text): one run of letters without
 * a space, the input a BPE tokenizer is slowest on (its cost grows with the square of a run).
 */
function textOf(size: number, seed: number): Buffer {
  const head = `>sequence ${seed}\n`;
  return Buffer.from(head + 'gattaca'.repeat(Math.ceil(size / 7)).slice(0, size - head.length));
}

/** Two text files written to a temp folder and picked with the paperclip, as a person would. */
async function attachTextFiles(app: Page, sizes: number[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bigtext-'));
  const paths = sizes.map((size, index) => {
    const path = join(dir, `big-${index + 1}.txt`);
    writeFileSync(path, textOf(size, index + 1));
    return path;
  });
  await app.getByTestId('attach-input').setInputFiles(paths);
  const chips = app.getByRole('list', { name: 'Attachments' });
  await expect(chips.getByRole('listitem')).toHaveCount(sizes.length);
  for (const index of sizes.keys())
    await expect(chips.getByRole('listitem', { name: `big-${index + 1}.txt` })).toContainText(
      'sent as text',
      { timeout: 30_000 },
    );
  return paths;
}

test('two huge text files over the message limit are refused at once, the draft kept', async ({
  app,
}) => {
  await attachTextFiles(app, [16.5 * MB, 16.25 * MB]);
  const box = app.getByRole('textbox', { name: 'Message' });
  await box.fill('What is in these?');
  const started = Date.now();
  await box.press('Enter');
  await expect(
    app.getByText(/^These attachments come to 32\.8\sMB; one message can carry at most 32\sMB\.$/),
  ).toBeVisible({
    timeout: 5_000,
  });
  expect(Date.now() - started).toBeLessThan(5_000);
  // Nothing lost: the words back in the box, both files still on the composer.
  await expect(box).toHaveValue('What is in these?');
  await expect(app.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(2);
});

test('two 16 MB text files, together at the message limit, are answered and the page stays live', async ({
  app,
  emulator,
}, testInfo) => {
  await attachTextFiles(app, [16 * MB, 16 * MB]);
  const box = app.getByRole('textbox', { name: 'Message' });
  await box.fill('Summarize these. [tokens=4]');
  // The meter counts what would be sent: for this much text, an estimate said as one.
  const meter = app.getByRole('status', { name: 'Context used' });
  // Millions of tokens: the files' text counted (sampled), not only the draft's few words.
  await expect(meter).toContainText(/≈ \d{1,3}(,\d{3}){2,} tokens/, { timeout: 15_000 });
  await expect(meter).toContainText('estimate');
  await app.locator('form').screenshot({ path: testInfo.outputPath('composer-big-text.png') });
  await box.press('Enter');
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answer).toContainText('emu-1', { timeout: 30_000 });
  const sent = emulator.requests.filter((r) => JSON.stringify(r.body).includes('big-2.txt'));
  expect(sent).toHaveLength(1);
});
