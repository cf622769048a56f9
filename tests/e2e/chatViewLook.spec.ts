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
    await answer.locator('.code-block').scrollIntoViewIfNeeded();
    await app.screenshot({ path: `test-results/screens/code-${theme.toLowerCase()}.png` });
    await answer.locator('table').scrollIntoViewIfNeeded();
    await app.screenshot({ path: `test-results/screens/table-math-${theme.toLowerCase()}.png` });
  }
});
