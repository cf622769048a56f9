import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Serious and critical axe-core violations, summarised so a failure says what and where. */
async function seriousViolations(app: Page) {
  const results = await new AxeBuilder({ page: app }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe-core finds no serious or critical violation, light and dark, with a rich answer and open menus', async ({
  app,
}) => {
  expect(await seriousViolations(app)).toEqual([]);
  await app.getByRole('textbox', { name: 'Message' }).fill('Demo [answer=markdown-demo rate=0]');
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(
    app.getByRole('article', { name: 'Assistant message' }).getByText('emu-1'),
  ).toBeVisible();
  for (const theme of ['Light', 'Dark']) {
    await app.getByRole('button', { name: /^Theme:/ }).click();
    await app.getByRole('menuitemradio', { name: theme }).click();
    expect(await seriousViolations(app), theme).toEqual([]);
  }
  await expect(app.getByRole('complementary', { name: 'Chat settings' })).toBeVisible();
  expect(await seriousViolations(app), 'chat settings open').toEqual([]);
  await app.getByRole('button', { name: /^Model:/ }).click();
  await expect(app.getByRole('combobox', { name: 'Search models' })).toBeVisible();
  expect(await seriousViolations(app), 'model selector open').toEqual([]);
});
