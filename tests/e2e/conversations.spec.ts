import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { exportFileOf } from '../support/exportFile';
import { test, expect } from './fixtures';

const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Conversations sidebar' });
const rows = (app: Page) => sidebar(app).getByRole('listitem');

/** Sends a prompt in a new conversation and waits for the whole answer. */
async function chat(app: Page, prompt: string): Promise<void> {
  await app.getByRole('button', { name: 'New conversation' }).click();
  await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' }).last()).toContainText(
    'emu-1',
  );
}

async function renameRow(app: Page, index: number, title: string): Promise<void> {
  const row = rows(app).nth(index);
  await row.hover();
  await row.getByRole('button', { name: 'Rename' }).click();
  await sidebar(app).getByRole('textbox', { name: 'Conversation title' }).fill(title);
  await sidebar(app).getByRole('textbox', { name: 'Conversation title' }).press('Enter');
  await expect(rows(app).filter({ hasText: title })).toHaveCount(1);
}

test('conversations: create, title, rename, pin, delete and undo, search, export and import, reload', async ({
  app,
  emulator,
}) => {
  await chat(app, 'Tell me about the aardvark');
  // The title comes from a real model call through the same engine, and that call is made.
  await expect(rows(app)).toHaveCount(1);
  // (The emulator echoes what it is sent: its "title" is the first line of that echo.)
  await expect(rows(app).first()).toContainText('You said: Tell me about the aardvark');
  const titleCalls = emulator.requests.filter((r) =>
    JSON.stringify(r.body).includes('You name conversations'),
  );
  expect(titleCalls).toHaveLength(1);

  await chat(app, 'And now about the zebra');
  await expect(rows(app)).toHaveCount(2);
  await expect(rows(app).first()).toContainText('You said: And now about the zebra');
  // Newest first.
  await renameRow(app, 0, 'Zebras');
  await renameRow(app, 1, 'Aardvarks');
  await expect(rows(app)).toHaveText(['Zebras', 'Aardvarks'].map((t) => new RegExp(t)));

  // Pin the older one: it goes on top.
  await rows(app).nth(1).hover();
  await rows(app).nth(1).getByRole('button', { name: 'Pin' }).click();
  await expect(rows(app).first()).toContainText('Aardvarks');
  await expect(rows(app).first().getByLabel('Pinned')).toBeVisible();

  // Delete, then undo: it comes back whole.
  await rows(app).nth(1).hover();
  await rows(app).nth(1).getByRole('button', { name: 'Delete' }).click();
  await expect(rows(app)).toHaveCount(1);
  await expect(sidebar(app).getByRole('status')).toContainText('Deleted “Zebras”');
  await sidebar(app).getByRole('button', { name: 'Undo' }).click();
  await expect(rows(app)).toHaveCount(2);

  // Search finds the message, highlights the match as text, and opens the conversation at it.
  await app.getByRole('button', { name: 'New conversation' }).click();
  await app.getByRole('searchbox', { name: 'Search conversations' }).fill('aardv');
  const results = sidebar(app).getByRole('list', { name: 'Search results' }).getByRole('button');
  await expect(results.first()).toContainText('Aardvarks');
  // The renamed title is a hit of its own (first), then the messages with the word.
  await expect(results.first()).toContainText('Found in the title');
  await expect(results.first().locator('mark').first()).toHaveText(/aardv/i);
  await expect(results.filter({ hasText: 'You: ' }).first().locator('mark').first()).toHaveText(
    /aardvark/i,
  );
  await results.filter({ hasText: 'You: ' }).first().click();
  await expect(app.getByRole('article', { name: 'User message' })).toHaveText(
    /Tell me about the aardvark/,
  );
  await app.getByRole('searchbox', { name: 'Search conversations' }).fill('');
  await app.screenshot({ path: test.info().outputPath('sidebar.png') });

  // Export everything as JSON, then import that file back keeping both: two more, same content.
  const downloading = app.waitForEvent('download');
  await sidebar(app).getByRole('button', { name: 'Export all as JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^switchboard-conversations-\d{4}-\d{2}-\d{2}\.json$/,
  );
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(exported).conversations).toHaveLength(2);
  await sidebar(app)
    .getByLabel('Import conversations file')
    .setInputFiles((await download.path())!);
  const choice = app.getByRole('dialog', { name: /^Import / });
  await expect(choice).toContainText('All 2 conversations in this file are already here.');
  await choice.getByRole('radio', { name: /Keep both/ }).check();
  await choice.getByRole('button', { name: 'Import' }).click();
  await expect(sidebar(app).getByRole('status')).toContainText(
    'Imported 2 conversations (4 messages); 2 already here were kept',
  );
  await expect(rows(app)).toHaveCount(4);

  // A malformed file is refused with a message and changes nothing.
  await sidebar(app)
    .getByLabel('Import conversations file')
    .setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "switchboard.conversations", "version": 1}'),
    });
  await expect(sidebar(app).getByRole('alert')).toContainText('broken.json was not imported');
  await expect(rows(app)).toHaveCount(4);

  // Markdown export of the open conversation.
  await rows(app).filter({ hasText: 'Zebras' }).first().getByRole('button').first().click();
  const markdown = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export as Markdown' }).click();
  const md = readFileSync((await (await markdown).path())!, 'utf8');
  expect(md).toContain('# Zebras');
  expect(md).toContain('## User\n\nAnd now about the zebra');

  // Reload: everything is still there, and the open conversation reopens.
  await app.reload();
  await expect(rows(app)).toHaveCount(4);
  await expect(rows(app).nth(0)).toContainText('Aardvarks');
  await expect(rows(app).nth(1)).toContainText('Aardvarks');
  await expect(app.getByRole('article', { name: 'User message' })).toHaveText(
    /And now about the zebra/,
  );
});

test('regenerate keeps earlier answers as versions; edit and resend makes a new version of the question', async ({
  app,
}) => {
  await chat(app, 'First version please');
  const answer = app.getByRole('article', { name: 'Assistant message' });
  await answer.getByRole('button', { name: 'Regenerate' }).click();
  await expect(answer.getByLabel('Version 2 of 2')).toBeVisible();
  await expect(answer).toContainText('emu-1');
  // The new version names the profile that wrote it, as the first did, without a reload.
  await expect(answer.getByTitle('Profile')).toBeVisible();
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(answer.getByLabel('Version 1 of 2')).toBeVisible();

  const question = app.getByRole('article', { name: 'User message' });
  await question.getByRole('button', { name: 'Edit' }).click();
  await question.getByRole('textbox', { name: 'Edit message' }).fill('Edited question');
  await question.getByRole('button', { name: 'Save and send' }).click();
  await expect(answer).toContainText('You said: Edited question.');
  await expect(question.getByLabel('Version 2 of 2')).toBeVisible();
  await question.getByRole('button', { name: 'Previous version' }).click();
  await expect(question).toContainText('First version please');
  // Back on the first question, the thread goes on through the answer left there (version 1
  // was shown when the question was edited): a branch comes back as it was left.
  await expect(answer.getByLabel('Version 1 of 2')).toBeVisible();
});

test('the sidebar stays virtualized and pages in with hundreds of conversations', async ({
  app,
}) => {
  const count = 300;
  const exchanges = Array.from({ length: count }, (_, i) => ({
    id: `bulk-${i}`,
    title: `Bulk conversation ${String(i).padStart(3, '0')}`,
    question: `user text ${i}`,
    answer: `assistant text ${i}`,
    at: 1_700_000_000_000 + i * 60_000,
  }));
  await sidebar(app)
    .getByLabel('Import conversations file')
    .setInputFiles({
      name: 'bulk.json',
      mimeType: 'application/json',
      buffer: exportFileOf(exchanges),
    });
  await expect(sidebar(app).getByRole('status')).toContainText(`Imported ${count} conversations`);
  await expect(rows(app).first()).toContainText('Bulk conversation 299');
  // Only the rows in view (plus a few) exist in the page.
  expect(await rows(app).count()).toBeLessThan(60);

  // Scrolling to the end fetches the next pages until the oldest one shows.
  const list = sidebar(app).getByRole('list', { name: 'Conversations' });
  await expect(async () => {
    await list.evaluate((element) => element.parentElement?.scrollTo({ top: 1e9 }));
    await expect(rows(app).filter({ hasText: 'Bulk conversation 000' })).toHaveCount(1, {
      timeout: 500,
    });
  }).toPass({ timeout: 15_000 });
  expect(await rows(app).count()).toBeLessThan(60);
});
