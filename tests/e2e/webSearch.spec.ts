import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { expect, test } from './fixtures';
import { requireKeychain } from './keychainGate';

const shots = join(import.meta.dirname, '../../test-results/screenshots');

// Its own keychain service: these tests never touch the person's "Switchboard" entries.
const service = `Switchboard-e2e-search-${randomBytes(4).toString('hex')}`;
const keychain = createKeytarKeyStore({ service });
const KEY = `sk-e2e-search-${randomBytes(8).toString('hex')}SRCH`;

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

test.afterAll(async () => {
  for (const account of await keychain.accounts().catch(() => [])) await keychain.delete(account);
});

test('web search on a Responses profile: the switch, the sources under the answer, kept after a reload', async ({
  app,
  emulator,
}) => {
  await requireKeychain(keychain, 'webSearch');
  const start = app.getByRole('button', { name: 'Start chatting' });
  if (await start.isVisible()) await start.click();

  // The environment's OpenAI profile on another server speaks Chat Completions: no switch.
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  await expect(panel.getByLabel('Temperature (0–2)')).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: 'Web search' })).toHaveCount(0);

  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: '+ Add profile' }).click();
  await dialog.getByRole('combobox', { name: 'Provider type' }).selectOption('openai');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Searcher');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.url);
  await dialog.getByRole('textbox', { name: 'Model' }).fill('emu-1');
  await dialog.getByLabel('API key').fill(KEY);
  await dialog.getByRole('combobox', { name: 'API' }).selectOption('responses');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('heading', { name: 'Edit Searcher' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Set as default' }).click();
  await expect(
    dialog
      .getByRole('navigation', { name: 'Profiles' })
      .getByRole('button', { name: /Searcher\s*default/ }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  await app.getByRole('button', { name: 'New conversation' }).click();
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  await expect(app.getByRole('button', { name: 'Model: emu-1 · Searcher' })).toBeVisible();
  const toggle = panel.getByRole('checkbox', { name: 'Web search' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();

  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('What happened in the news today, in a few words? [tokens=12 search_sources=3]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answer).toContainText('You said: What happened in the news');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();

  // The tool went out with the question, and only with it.
  const sent = emulator.requests.filter(
    (r) => r.path === '/v1/responses' && JSON.stringify(r.body).includes('news today'),
  );
  expect(sent.length).toBeGreaterThanOrEqual(1);
  expect((sent[0]!.body as { tools?: unknown }).tools).toEqual([{ type: 'web_search' }]);

  const sources = answer.getByRole('region', { name: 'Sources' });
  const links = sources.getByRole('link');
  await expect(links).toHaveText(['Source 1 title', 'Source 2 title', 'Source 3 title']);
  await expect(links.first()).toHaveAttribute('href', 'https://source1.example/page?n=1');
  await expect(links.first()).toHaveAttribute('target', '_blank');
  await expect(sources.getByRole('listitem').first()).toContainText('source1.example');

  mkdirSync(shots, { recursive: true });
  await app.screenshot({ path: join(shots, 'web-search-sources.png') });

  await app.reload();
  await app
    .getByRole('complementary', { name: 'Conversations sidebar' })
    .getByRole('listitem')
    .first()
    .click();
  await expect(links).toHaveText(['Source 1 title', 'Source 2 title', 'Source 3 title']);
  if (!(await panel.isVisible())) await app.getByRole('button', { name: /^Parameters/ }).click();
  await expect(panel.getByRole('checkbox', { name: 'Web search' })).toBeChecked();
});
