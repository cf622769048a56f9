import { test, expect } from './fixtures';

// The menu shows Esc for Stop but leaves the key to the page (src/main/menuTemplate.ts); the
// page maps an Esc nobody else handled to Stop (src/renderer/src/app/menuCommands.ts).
test('Esc stops a streaming answer even when the composer does not have focus', async ({ app }) => {
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('Tell me a long story [tokens=400 rate=40]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answer).toContainText('You said: Tell me a long story.');
  await expect(app.getByRole('button', { name: 'Stop' })).toBeVisible();

  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.keyboard.press('Escape');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(answer).toContainText('Stopped');
});
