import type { Page } from '@playwright/test';
import { exportFileOf } from '../support/exportFile';
import { test, expect } from './fixtures';

const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Conversations sidebar' });
const rows = (app: Page) => sidebar(app).getByRole('listitem');

/** A Switchboard export of conversations `ids`, each a question and its answer. */
function exportOf(ids: string[], title: (id: string) => string): Buffer {
  return exportFileOf(
    ids.map((id, i) => ({
      id,
      title: title(id),
      question: `user text of ${id}`,
      answer: `assistant text of ${id}`,
      at: 1_700_000_000_000 + i * 60_000,
    })),
  );
}

async function importFile(app: Page, name: string, buffer: Buffer): Promise<void> {
  await sidebar(app)
    .getByLabel('Import conversations file')
    .setInputFiles({ name, mimeType: 'application/json', buffer });
}

async function titles(app: Page): Promise<string[]> {
  const texts = await rows(app).allInnerTexts();
  return texts.map((t) => t.split('\n')[0]!.trim()).sort();
}

test('importing conversations already here asks first: skip, replace or keep both, nothing lost', async ({
  app,
}, testInfo) => {
  const original = (id: string) => `Trip ${id}`;
  // A first import with nothing here yet asks nothing.
  await importFile(app, 'first.json', exportOf(['alpha', 'beta'], original));
  await expect(sidebar(app).getByRole('status')).toHaveText(
    'Imported 2 conversations (4 messages).',
  );
  await expect(rows(app)).toHaveCount(2);

  // Alpha changes here after the export.
  const renamed = await app.evaluate(async () => {
    const api = (
      window as unknown as {
        api: { renameConversation(r: unknown): Promise<{ ok: boolean }> };
      }
    ).api;
    return (await api.renameConversation({ conversationId: 'alpha', title: 'Alpha, edited here' }))
      .ok;
  });
  expect(renamed).toBe(true);
  await expect(rows(app).filter({ hasText: 'Alpha, edited here' })).toHaveCount(1);

  // The file holds alpha (already here) and gamma (new): the choice comes before any write.
  const second = exportOf(['alpha', 'gamma'], original);
  await importFile(app, 'second.json', second);
  const dialog = app.getByRole('dialog', { name: 'Import second.json' });
  await expect(dialog).toContainText('1 of the 2 conversations in this file is already here.');
  await expect(dialog.getByRole('radio', { name: /Skip it/ })).toBeChecked();
  await app.setViewportSize({ width: 800, height: 600 });
  await app.screenshot({ path: testInfo.outputPath('import-choice-800.png') });
  await app.setViewportSize({ width: 1600, height: 1000 });
  await app.screenshot({ path: testInfo.outputPath('import-choice-1600.png') });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: testInfo.outputPath('import-choice-1600-dark.png') });
  await app.emulateMedia({ colorScheme: 'light' });

  // Cancel writes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows(app)).toHaveCount(2);

  // Skip: ours stays as it is, only gamma comes in.
  await importFile(app, 'second.json', second);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(sidebar(app).getByRole('status')).toHaveText(
    'Imported 1 conversation (2 messages); 1 already here was skipped.',
  );
  expect(await titles(app)).toEqual(['Alpha, edited here', 'Trip beta', 'Trip gamma']);

  // Replace: both alpha and gamma are here now; the file's version takes their place exactly.
  await importFile(app, 'second.json', second);
  await expect(dialog).toContainText('All 2 conversations in this file are already here.');
  await dialog.getByRole('radio', { name: /Replace them/ }).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(sidebar(app).getByRole('status')).toHaveText(
    'Imported 2 conversations (4 messages); 2 already here were replaced.',
  );
  expect(await titles(app)).toEqual(['Trip alpha', 'Trip beta', 'Trip gamma']);

  // Keep both: the file's copies come in under new ids beside ours.
  await importFile(app, 'second.json', second);
  await dialog.getByRole('radio', { name: /Keep both/ }).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(sidebar(app).getByRole('status')).toContainText(
    'Imported 2 conversations (4 messages); 2 already here were kept',
  );
  expect(await titles(app)).toEqual([
    'Trip alpha',
    'Trip alpha',
    'Trip beta',
    'Trip gamma',
    'Trip gamma',
  ]);
  // Each copy has the whole thread.
  await rows(app).filter({ hasText: 'Trip gamma' }).nth(1).getByRole('button').first().click();
  await expect(app.getByRole('article', { name: 'Assistant message' })).toContainText(
    'assistant text of gamma',
  );
});
