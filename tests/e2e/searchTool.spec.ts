import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const shots = join(import.meta.dirname, '../../test-results/screenshots');

// Its own keychain service: the pane reads whether Brave and Tavily keys are saved, never the person's.
const service = `Switchboard-e2e-searchtool-${randomBytes(4).toString('hex')}`;

test.use({
  providerEnv: async ({ emulator }, use) => {
    await use({
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-e2e-test-key-0000',
      SWITCHBOARD_MODEL: 'emu-1',
      SWITCHBOARD_KEYCHAIN_SERVICE: service,
    });
  },
});

async function seriousViolations(app: Page) {
  const { violations } = await new AxeBuilder({ page: app }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
}

test('SearXNG set in Settings: a Chat Completions chat searches through it, shows the step and the sources, kept after a reload', async ({
  app,
  emulator,
}) => {
  const start = app.getByRole('button', { name: 'Start chatting' });
  if (await start.isVisible()) await start.click();
  // The environment's OpenAI profile on another server speaks Chat Completions: no search yet.
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  await expect(panel.getByLabel('Temperature (0–2)')).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: 'Web search' })).toHaveCount(0);

  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Web search' }).click();
  await expect(dialog.getByRole('heading', { name: 'Web search' })).toBeVisible();
  await expect(dialog).toContainText('Searches run without asking');
  await dialog.getByRole('combobox', { name: 'Search provider' }).selectOption('searxng');
  await dialog.getByRole('textbox', { name: 'Instance URL' }).fill(`${emulator.origin}/searxng`);
  await dialog.getByRole('button', { name: 'Test' }).click();
  await expect(dialog.getByRole('status')).toHaveText('SearXNG answered with 3 results.');
  mkdirSync(shots, { recursive: true });
  await app.screenshot({ path: join(shots, 'search-tool-settings.png') });
  expect(await seriousViolations(app), 'Settings › Web search').toEqual([]);
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  await app.getByRole('button', { name: 'New conversation' }).click();
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  const toggle = panel.getByRole('checkbox', { name: 'Web search' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('Who makes Switchboard? [tool=web_search tool_args={"query":"switchboard-client"}]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answer).toContainText('Tool said: SearXNG results for "switchboard-client"');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();

  // The model was offered the built-in tool, and the search went to the instance.
  const asked = emulator.requests.filter((r) => r.path === '/searxng/search');
  expect(asked.map((r) => r.url)).toContain('/searxng/search?q=switchboard-client&format=json');
  const step = answer.locator('details.tool-step');
  await expect(step).toContainText('web_search');
  await expect(step).toContainText('done');
  await step.locator('summary').click();
  await expect(step).toContainText('[1] Result 1 for switchboard-client');
  const links = answer.getByRole('region', { name: 'Sources' }).getByRole('link');
  const titles = [1, 2, 3].map((n) => `Result ${n} for switchboard-client`);
  await expect(links).toHaveText(titles);
  await expect(links.first()).toHaveAttribute('href', 'https://result1.example/switchboard-client');
  await app.screenshot({ path: join(shots, 'search-tool-answer.png') });
  expect(await seriousViolations(app), 'answer with a search step and sources').toEqual([]);

  // The inspector shows the search request under its step.
  await answer.hover();
  await answer.getByRole('button', { name: 'Inspect' }).click();
  const inspector = app.getByRole('dialog', { name: 'Inspector' });
  await inspector.getByLabel('Step').selectOption({ label: 'Step 1 (tool calls: web_search)' });
  await expect(inspector).toContainText('/searxng/search?q=switchboard-client&format=json');
  await expect(inspector).toContainText("the search provider's HTTP request and answer");
  await inspector.getByRole('region', { name: 'MCP messages' }).scrollIntoViewIfNeeded();
  await app.screenshot({ path: join(shots, 'search-tool-inspector.png') });
  await app.keyboard.press('Escape');

  await app.reload();
  await app
    .getByRole('list', { name: 'Conversations' })
    .getByRole('button', { name: /Who makes Switchboard\?/ })
    .click();
  const again = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(again.locator('details.tool-step')).toContainText('web_search');
  await expect(again.getByRole('region', { name: 'Sources' }).getByRole('link')).toHaveText(titles);
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  await expect(panel.getByRole('checkbox', { name: 'Web search' })).toBeChecked();

  // The search is in the Usage screen: counted apart from the model calls, its fee unknown.
  await app.getByRole('button', { name: 'Usage', exact: true }).click();
  const usage = app.getByRole('dialog', { name: 'Usage' });
  await expect(usage.getByLabel('Totals')).toContainText('+ 1 web search');
  const searches = usage.getByRole('table', { name: 'Web searches by search provider' });
  await expect(searches.getByRole('row', { name: /SearXNG/ })).toHaveText(/SearXNG\s*1\s*—/);
  await searches.scrollIntoViewIfNeeded();
  await app.screenshot({ path: join(shots, 'search-tool-usage.png') });
  expect(await seriousViolations(app), 'Usage with web searches').toEqual([]);
});
