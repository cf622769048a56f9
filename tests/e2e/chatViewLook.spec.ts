import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Picks a theme through the Theme menu, as a person would. */
async function chooseTheme(app: Page, name: 'Light' | 'Dark' | 'System') {
  await app.getByRole('button', { name: /^Theme:/ }).click();
  await app.getByRole('menuitemradio', { name }).click();
}

async function askForDemo(app: Page) {
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('Show me a rate limiter [answer=markdown-demo rate=0]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('article', { name: 'Assistant message' });
  await expect(answer.getByText('emu-1')).toBeVisible();
  return answer;
}

test('screenshots of a long code answer, a table and math, light and dark', async ({ app }) => {
  await app.setViewportSize({ width: 1100, height: 900 });
  const answer = await askForDemo(app);
  for (const theme of ['Light', 'Dark'] as const) {
    await chooseTheme(app, theme);
    await expect(app.locator('html')).toHaveClass(theme === 'Dark' ? /dark/ : /^(?!.*dark)/);
    const name = theme.toLowerCase();
    // The start of the answer: heading, prose, the code block's header.
    await app.getByRole('log').evaluate((el) => (el.scrollTop = 0));
    await app.screenshot({ path: `test-results/screens/answer-top-${name}.png` });
    await answer.locator('.code-block').scrollIntoViewIfNeeded();
    await app.screenshot({ path: `test-results/screens/code-${name}.png` });
    await answer.locator('table').scrollIntoViewIfNeeded();
    await app.screenshot({ path: `test-results/screens/table-math-${name}.png` });
    // The end: task list, quote, footer with stats and the actions.
    await app.getByRole('button', { name: 'Jump to latest' }).click();
    await app.screenshot({ path: `test-results/screens/answer-end-${name}.png` });
  }
});
