import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startDavServer } from '../support/davServer';
import { test, expect } from './fixtures';

const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Conversations sidebar' });
const rows = (app: Page) => sidebar(app).getByRole('listitem');

async function chat(app: Page, prompt: string): Promise<void> {
  await app.getByRole('button', { name: 'New conversation' }).click();
  await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' }).last()).toContainText(
    'emu-1',
  );
}

/** Serious and critical axe-core violations on the page as it is. */
async function seriousViolations(app: Page) {
  const results = await new AxeBuilder({ page: app }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openData(app: Page) {
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Data' }).click();
  await expect(dialog.getByRole('heading', { name: 'Backups' })).toBeVisible();
  return dialog;
}

test('backups: one made, the history changed, the backup restored shows the old history', async ({
  app,
}, testInfo) => {
  await chat(app, 'Remember the walrus');
  await expect(rows(app)).toHaveCount(1);

  let dialog = await openData(app);
  await expect(dialog.getByText('No backups yet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  const backups = dialog.getByRole('list', { name: 'Backups' }).getByRole('listitem');
  await expect(backups).toHaveCount(1);
  await expect(backups.first()).toContainText('Made by hand');
  await expect(backups.first()).toContainText(/\d+ KB/);
  await app.screenshot({ path: testInfo.outputPath('data-pane.png') });
  await app.keyboard.press('Escape');

  // The history changes: a new conversation, and the old one deleted.
  await chat(app, 'Forget the walrus, think of the narwhal');
  await expect(rows(app)).toHaveCount(2);
  const walrus = rows(app).filter({ hasText: 'walrus' }).filter({ hasNotText: 'narwhal' });
  await walrus.hover();
  await walrus.getByRole('button', { name: 'Delete' }).click();
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText('narwhal');

  dialog = await openData(app);
  await backups.first().getByRole('button', { name: 'Restore…' }).click();
  await expect(dialog.getByText('The history as it is now is backed up first.')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('restore-confirm.png') });
  expect(await seriousViolations(app), 'restore asked').toEqual([]);
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();

  // The window reloads over the reopened history: the walrus is back, the narwhal gone.
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText('Remember the walrus');
  await rows(app).first().click();
  await expect(app.getByRole('article', { name: 'User message' }).first()).toContainText(
    'Remember the walrus',
  );

  // The history from before the restore is a backup too.
  await openData(app);
  await expect(backups).toHaveCount(2);
  await expect(backups.first()).toContainText('Before a restore');
  await app.screenshot({ path: testInfo.outputPath('after-restore.png') });
});

test('sync: set up in Settings › Data, Sync now, and a wrong passphrase told in words', async ({
  app,
}, testInfo) => {
  const dav = await startDavServer('e2e-user', 'e2e-dav-password');
  try {
    await chat(app, 'Carry the walrus across');
    const dialog = await openData(app);
    await dialog.getByRole('textbox', { name: 'WebDAV address' }).fill(dav.url);
    await dialog.getByRole('textbox', { name: 'User name' }).fill('e2e-user');
    await dialog.getByLabel('Password', { exact: true }).fill('e2e-dav-password');
    await dialog.getByRole('combobox', { name: 'Sync' }).selectOption('0');
    await dialog.getByLabel('Encryption passphrase').fill('a passphrase for e2e');
    await dialog.getByRole('button', { name: 'Save sync settings' }).click();
    // Saved: the secrets are in the keychain, the fields empty again and saying so.
    await expect(dialog.getByLabel('Encryption passphrase')).toHaveAttribute(
      'placeholder',
      /Kept in the keychain/,
    );
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(dialog.getByText(/Last sync .*: 1 sent, 0 received/)).toBeVisible();
    const files = await dav.files();
    expect([...files.keys()].some((path) => path.endsWith('manifest.sbx'))).toBe(true);
    for (const bytes of files.values()) expect(bytes.includes(Buffer.from('walrus'))).toBe(false);
    await app.screenshot({ path: testInfo.outputPath('sync-done.png') });

    await dialog.getByLabel('Encryption passphrase').fill('not the same passphrase');
    await dialog.getByRole('button', { name: 'Save sync settings' }).click();
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(dialog.getByRole('alert')).toContainText('passphrase does not open');
    await dialog.getByRole('alert').scrollIntoViewIfNeeded();
    await app.screenshot({ path: testInfo.outputPath('sync-wrong-passphrase.png') });
    expect(await seriousViolations(app), 'Settings › Data with an error').toEqual([]);
  } finally {
    await dav.stop();
  }
});
