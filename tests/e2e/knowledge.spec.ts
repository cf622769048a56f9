import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../support/knowledgeCorpus';
import { expect, test } from './fixtures';

const shots = join(import.meta.dirname, '../../test-results/screenshots');
const folder = mkdtempSync(join(tmpdir(), 'sb-e2e-kb-'));
const facts = writeCorpus(join(folder, 'manuals'), 320);

test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('a collection from a folder: watch it index, attach it to a chat, ask, see the sources', async ({
  app,
  emulator,
}) => {
  const start = app.getByRole('button', { name: 'Start chatting' });
  if (await start.isVisible()) await start.click();

  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Knowledge' }).click();
  const form = dialog.getByRole('form', { name: 'New collection' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Product manuals');
  await form.getByRole('textbox', { name: 'Folder (full path)' }).fill(join(folder, 'manuals'));
  // The emulator answers this model slowly (1.5 s a request of 64 passages), so the pass can be
  // watched, cancelled and resumed: 320 documents are five requests, the first three in flight
  // at once (Indexer.ts), so the pass waits 1.5 s at 192 for the last two.
  await form.getByRole('textbox', { name: 'Embeddings model' }).fill('emu-embed-slow1500');
  await form.getByRole('button', { name: 'Create and index' }).click();

  const card = dialog.getByRole('listitem', { name: 'Product manuals' });
  await expect(card.getByRole('progressbar', { name: 'Indexing progress' })).toBeVisible();
  await expect(card.getByRole('status')).toContainText('Indexing 192 of 320', { timeout: 15_000 });
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByRole('status')).toContainText('Cancelled at 192 of 320');
  await expect(card).toContainText('192 documents');
  await expect(card.getByRole('progressbar')).toHaveCount(0);
  await card.getByRole('button', { name: 'Resume' }).click();
  // Only what the cancelled pass had not written is read again.
  await expect(card.getByRole('status')).toContainText('Up to date (128 read again, 0 removed)', {
    timeout: 30_000,
  });
  await expect(card).toContainText('320 documents');
  await card.getByRole('button', { name: 'Documents' }).click();
  const fact = facts[21]!;
  await expect(card.getByRole('list', { name: 'Documents' })).toContainText(fact.file);
  mkdirSync(shots, { recursive: true });
  await app.screenshot({ path: join(shots, 'knowledge-settings.png') });
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  await panel.getByRole('checkbox', { name: /Product manuals/ }).check();
  // The meter holds room for the passages the question may bring (chosen only at send).
  const meter = app.getByRole('status', { name: 'Context used' });
  await expect(meter).toContainText(/\+ up to [\d,]+ tokens of passages/);
  await app.screenshot({ path: join(shots, 'knowledge-meter.png') });
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill(`How long is the warranty on the ${fact.name} ${fact.thing}? [tokens=8]`);
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();

  // The answer lists the document the passage came from; the passage went with its source.
  const sources = answer.getByRole('region', { name: 'Sources' });
  const fileName = fact.file.split('/').at(-1)!;
  await expect(sources.getByRole('listitem').first()).toContainText(fileName, { timeout: 15_000 });
  await expect(sources.getByRole('listitem').first()).toContainText(
    join(folder, 'manuals', fact.file),
  );
  const asked = emulator.requests.find(
    (r) => r.path.endsWith('/chat/completions') && JSON.stringify(r.body).includes('source='),
  );
  expect(JSON.stringify(asked?.body)).toContain(`warranty of ${fact.years} years`);
  await app.screenshot({ path: join(shots, 'knowledge-sources.png') });
});
