import { randomBytes } from 'node:crypto';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { expect, test } from './fixtures';
import { requireKeychain } from './keychainGate';

// Its own keychain service: these tests never touch the person's "Switchboard" entries.
const service = `Switchboard-e2e-responses-${randomBytes(4).toString('hex')}`;
const keychain = createKeytarKeyStore({ service });
const KEY = `sk-e2e-resp-${randomBytes(8).toString('hex')}RESP`;

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

test('a Responses profile added in Settings is tested, then streams an answer with its reasoning', async ({
  app,
  emulator,
}) => {
  await requireKeychain(keychain, 'responses');
  const start = app.getByRole('button', { name: 'Start chatting' });
  if (await start.isVisible()) await start.click();
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });

  // A compatible server's form has no API choice: it speaks Chat Completions only.
  await dialog.getByRole('button', { name: '+ Add profile' }).click();
  const type = dialog.getByRole('combobox', { name: 'Provider type' });
  await expect(type).toHaveValue('openai-compatible');
  await expect(dialog.getByRole('combobox', { name: 'API' })).toHaveCount(0);

  // An OpenAI profile on another server: Chat Completions unless the person says otherwise.
  await type.selectOption('openai');
  const api = dialog.getByRole('combobox', { name: 'API' });
  await expect(api).toHaveValue('');
  await expect(api.locator('option')).toHaveText([
    'Automatic',
    'Chat Completions',
    'Responses API',
  ]);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Reasoner');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.url);
  await dialog.getByRole('textbox', { name: 'Model' }).fill('emu-1');
  await dialog.getByLabel('API key').fill(KEY);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByRole('status', { name: 'Connection test result' });
  await expect(result).toContainText('the Chat Completions API answered');

  await api.selectOption('responses');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('Connection works');
  await expect(result).toContainText('the Responses API answered');
  await expect(result).toContainText(`POST ${emulator.url}/responses`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('heading', { name: 'Edit Reasoner' })).toBeVisible();
  await expect(api).toHaveValue('responses');
  await dialog.getByRole('button', { name: 'Set as default' }).click();
  await expect(
    dialog
      .getByRole('navigation', { name: 'Profiles' })
      .getByRole('button', { name: /Reasoner\s*default/ }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  await app.getByRole('button', { name: 'New conversation' }).click();
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('Think first [tokens=12 reasoning=8 cached=5]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answer).toContainText('You said: Think first.');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  const reasoning = answer.locator('details.reasoning');
  await expect(reasoning).toHaveCount(1);
  await reasoning.locator('summary').click();
  await expect(reasoning).toContainText('First I consider what was asked');

  const sent = emulator.requests.find(
    (r) => r.path === '/v1/responses' && JSON.stringify(r.body).includes('Think first'),
  );
  expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(sent?.body).toMatchObject({ stream: true, store: false });
  expect(sent?.response).toContain('event: response.reasoning_summary_text.delta');
  expect(sent?.response).toContain('"reasoning_tokens":8');
});
