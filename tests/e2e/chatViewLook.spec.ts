import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/*
 * The app's look, compared against committed baselines (tests/e2e/chatViewLook.spec.ts-snapshots).
 * What varies between runs is hidden (chatViewLook.css): an answer's measured times and speed.
 * After a deliberate change of the look, look at the new pictures, then refresh the baselines with
 * `npx playwright test chatViewLook --update-snapshots` and commit them.
 */

/** Picks a theme through the Theme menu, as a person would. */
async function chooseTheme(app: Page, name: 'Light' | 'Dark') {
  await app.getByRole('button', { name: /^Theme:/ }).click();
  await app.getByRole('menuitemradio', { name }).click();
  await expect(app.locator('html')).toHaveClass(name === 'Dark' ? /dark/ : /^(?!.*dark)/);
}

/** Hides the figures that differ from run to run (first-token time, speed, duration). */
const stylePath = fileURLToPath(new URL('./chatViewLook.css', import.meta.url));

async function look(app: Page, name: string): Promise<void> {
  await expect(app).toHaveScreenshot(`${name}.png`, {
    stylePath,
    animations: 'disabled',
    caret: 'hide',
  });
}

async function ask(app: Page, text: string): Promise<Locator> {
  const before = await app.getByRole('article', { name: 'Assistant message' }).count();
  await app.getByRole('textbox', { name: 'Message' }).fill(text);
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('article', { name: 'Assistant message' }).nth(before);
  await expect(answer.locator('.message-footer')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  return answer;
}

test('a long code answer, a table and math, light and dark', async ({ app }) => {
  await app.setViewportSize({ width: 1100, height: 900 });
  // The settings panel stays shut so the answer has the whole width.
  const panel = app.getByRole('button', { name: 'Parameters', exact: true });
  if ((await panel.getAttribute('aria-expanded')) === 'true') await panel.click();
  const answer = await ask(app, 'Show me a rate limiter [answer=markdown-demo rate=0]');
  for (const theme of ['Light', 'Dark'] as const) {
    await chooseTheme(app, theme);
    const name = theme.toLowerCase();
    // The start of the answer: heading, prose, the code block's header.
    await app.getByRole('log').evaluate((el) => (el.scrollTop = 0));
    await look(app, `answer-top-${name}`);
    await answer.locator('.code-block').first().scrollIntoViewIfNeeded();
    await look(app, `code-${name}`);
    await answer.locator('table').scrollIntoViewIfNeeded();
    await look(app, `table-math-${name}`);
    // The end: task list, quote, footer with stats and the actions.
    await app.getByRole('log').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await look(app, `answer-end-${name}`);
  }
});

for (const size of [
  { width: 800, height: 600 },
  { width: 1600, height: 1000 },
]) {
  test(`header selector, settings panel and sidebar at ${size.width}×${size.height}`, async ({
    app,
  }) => {
    await app.setViewportSize(size);
    // Three chats, so the sidebar has a group with entries and one is marked as open.
    for (const text of ['Plan a trip to Lisbon', 'Explain SQLite WAL mode', 'Draft a cover letter'])
      await app
        .getByRole('button', { name: 'New conversation' })
        .click()
        .then(() => ask(app, text));
    const toggle = app.getByRole('button', { name: 'Parameters', exact: true });
    for (const theme of ['Light', 'Dark'] as const) {
      await chooseTheme(app, theme);
      const name = `${size.width}-${theme.toLowerCase()}`;
      if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
      await look(app, `sidebar-${name}`);

      await app.getByRole('button', { name: /^Model:/ }).click();
      await expect(app.getByRole('combobox', { name: 'Search models' })).toBeFocused();
      await look(app, `model-selector-${name}`);
      await app.keyboard.press('Escape');

      await toggle.click();
      await expect(app.getByRole('complementary', { name: 'Chat settings' })).toBeVisible();
      await look(app, `settings-panel-${name}`);
      // Narrow windows show the panel as a drawer over the toolbar: its own button closes it.
      await app.getByRole('button', { name: 'Hide parameters' }).click();
    }
  });
}
