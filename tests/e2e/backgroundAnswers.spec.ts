import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Conversations sidebar' });
const row = (app: Page, text: string) =>
  sidebar(app).getByRole('listitem').filter({ hasText: text });
const answer = (app: Page) =>
  app.getByRole('log').getByRole('article', { name: 'Assistant message' });

async function send(app: Page, prompt: string): Promise<void> {
  await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
  await app.getByRole('button', { name: 'Send' }).click();
}

test('answers keep streaming in the background: two chats at once, re-attached with the text so far, Stop per chat', async ({
  app,
  emulator,
}) => {
  test.setTimeout(120_000);
  // Long enough (60 s and 20 s) to switch around while both run, even on a busy machine.
  await send(app, 'Alpha story [tokens=3000 rate=50]');
  await expect(answer(app)).toContainText('You said: Alpha story');

  // New conversation leaves the first answer running, with a dot on its row.
  await app.getByRole('button', { name: 'New conversation' }).click();
  await expect(app.getByRole('article')).toHaveCount(0);
  await expect(row(app, 'Alpha story').getByRole('img', { name: 'Generating' })).toBeVisible();

  await send(app, 'Beta story [tokens=800 rate=40]');
  await expect(answer(app)).toContainText('You said: Beta story');
  // Ctrl+N (the shortcut) does not stop it either.
  await app.keyboard.press('Control+n');
  await expect(app.getByRole('article')).toHaveCount(0);
  await expect(sidebar(app).getByRole('img', { name: 'Generating' })).toHaveCount(2);
  // Both requests are open at the emulator at the same time.
  expect(emulator.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(2);

  // Back to Alpha: the text so far is there at once and keeps growing; Stop belongs to it.
  await row(app, 'Alpha story').getByRole('button').first().click();
  await expect(app.getByRole('article', { name: 'User message' })).toHaveText(/Alpha story/);
  const first = await answer(app).innerText();
  expect(first.length).toBeGreaterThan(40);
  await expect
    .poll(async () => (await answer(app).innerText()).length, { timeout: 5_000 })
    .toBeGreaterThan(first.length + 20);
  // The text so far is the same words the emulator sends, nothing lost at the switch.
  expect((await answer(app).innerText()).replace(/\s+/g, ' ')).toContain(
    'You said: Alpha story. Streaming lets the answer appear',
  );
  await app.getByRole('button', { name: 'Stop' }).click();
  await expect(answer(app)).toContainText('Stopped');
  await expect(row(app, 'Alpha story').getByRole('img', { name: 'Generating' })).toHaveCount(0);
  // Beta is still going: stopping Alpha did not touch it.
  await expect(row(app, 'Beta story').getByRole('img', { name: 'Generating' })).toBeVisible();

  // Beta ends while Alpha is on screen: its row says there is an unread answer.
  await expect(row(app, 'Beta story').getByRole('img', { name: 'Unread answer' })).toBeVisible({
    timeout: 40_000,
  });
  await row(app, 'Beta story').getByRole('button').first().click();
  await expect(answer(app)).toContainText('emu-1');
  await expect(answer(app)).not.toContainText('Stopped');
  await expect(row(app, 'Beta story').getByRole('img')).toHaveCount(0);
  await app.screenshot({ path: test.info().outputPath('background-answers.png') });
});
