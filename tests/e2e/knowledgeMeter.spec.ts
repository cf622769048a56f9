import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../support/knowledgeCorpus';
import { expect, test } from './fixtures';

const shots = join(import.meta.dirname, '../../test-results/screenshots');
const folder = mkdtempSync(join(tmpdir(), 'sb-e2e-kb-meter-'));
writeCorpus(join(folder, 'notes'), 12);

test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

// gpt-4 (on the emulator): a model whose window (8,192) and tokenizer are known, so the meter
// counts exactly and can warn.
test.use({
  providerEnv: async ({ emulator }, use) => {
    await use({
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-e2e-test-key-0000',
      SWITCHBOARD_MODEL: 'gpt-4',
    });
  },
});

test('the context meter holds room for a collection’s passages and warns when a question would not fit with them', async ({
  app,
}) => {
  const start = app.getByRole('button', { name: 'Start chatting' });
  if (await start.isVisible()) await start.click();
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Knowledge' }).click();
  const form = dialog.getByRole('form', { name: 'New collection' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Notes');
  await form.getByRole('textbox', { name: 'Folder (full path)' }).fill(join(folder, 'notes'));
  await form.getByRole('textbox', { name: 'Embeddings model' }).fill('emu-embed');
  await form.getByRole('button', { name: 'Create and index' }).click();
  const card = dialog.getByRole('listitem', { name: 'Notes' });
  await expect(card.getByRole('status')).toContainText('Up to date', { timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  const meter = app.getByRole('status', { name: 'Context used' });
  await expect(meter).toContainText('/ 8,192 tokens');
  await expect(meter).not.toContainText('passages');
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  const collection = panel.getByRole('checkbox', { name: /Notes/ });
  await collection.check();
  await expect(meter).toContainText(/\+ up to [\d,]+ tokens of passages/);
  const held = Number(/up to ([\d,]+) tokens/.exec(await meter.innerText())![1]!.replace(/,/g, ''));

  // A question that fits the window alone (each " alpha" is one token) but not with the room.
  const words = 8192 - 10 - Math.floor(held / 2);
  await app.getByRole('textbox', { name: 'Message' }).fill(`Q${' alpha'.repeat(words)}`);
  const full = app.getByRole('alert', { name: 'Context window full' });
  await expect(full).toContainText(`held for the knowledge passages`);
  await expect(full).toContainText('It may not fit.');
  mkdirSync(shots, { recursive: true });
  await app.screenshot({ path: join(shots, 'knowledge-meter-full.png') });

  // Without the collection the same question fits: the warning was the passages' room.
  await collection.uncheck();
  await expect(meter).not.toContainText('passages');
  await expect(full).toHaveCount(0);
});
