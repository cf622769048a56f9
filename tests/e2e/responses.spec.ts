import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { expect, test } from './fixtures';
import { requireKeychain } from './keychainGate';
import { askAndOpenReasoning } from './reasoningAnswer';
import { reportedUsage, sumReported, usageTableRow } from './reportedUsage';

const shots = join(import.meta.dirname, '../../test-results/screenshots');

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
  await askAndOpenReasoning(app, 'tokens=1 reasoning=8 cached=5');

  const sent = emulator.requests.find(
    (r) => r.path === '/v1/responses' && JSON.stringify(r.body).includes('Think first'),
  );
  expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(sent?.body).toMatchObject({ stream: true, store: false });
  expect(sent?.response).toContain('event: response.reasoning_summary_text.delta');
  expect(sent?.response).toContain('"reasoning_tokens":8');
  const answered = reportedUsage(sent!);
  expect(answered).toMatchObject({ model: 'emu-1', cached: 5, reasoning: 8 });
  expect(answered.output).toBe(1 + 8);

  // Usage: every billed call (both connection tests, the answer, its title) with the figures
  // the emulator reported, the answer's cached and reasoning tokens among them.
  const billed = () =>
    emulator.requests.filter((r) => r.method === 'POST' && r.closedAt !== undefined);
  // `tokens=1` and a question over 60 characters: a one-line answer, for the title too (the
  // directive rides in its prompt, the echo is its first 60 characters), so no title is stopped
  // at its first line before the emulator sends usage (as in usage.spec.ts).
  await expect.poll(() => billed().length).toBe(4);
  // Each answer on the wire carries its usage (none was cut off before it).
  for (const call of billed()) expect(reportedUsage(call).input, call.path).toBeGreaterThan(0);
  // The title is saved after its ledger row: once it shows, every row is in.
  await expect(
    app.getByRole('complementary', { name: 'Conversations sidebar' }).getByRole('listitem'),
  ).toContainText('You said');
  const paths = billed().map((r) => r.path);
  expect(paths.filter((p) => p === '/v1/chat/completions')).toHaveLength(1);
  const expected = sumReported(billed().map(reportedUsage));
  expect(expected.cached).toBeGreaterThanOrEqual(5);
  expect(expected.reasoning).toBeGreaterThanOrEqual(8);
  await app.getByRole('button', { name: 'Usage', exact: true }).click();
  const usage = app.getByRole('dialog', { name: 'Usage' });
  await expect(usage.getByTestId('total-Calls')).toHaveText('4');
  expect(await usageTableRow(usage, 'emu-1')).toMatchObject({
    calls: 4,
    input: expected.input,
    cached: expected.cached,
    output: expected.output,
    reasoning: expected.reasoning,
  });
  await expect(usage.getByTestId('total-Input tokens')).toHaveText(
    expected.input.toLocaleString('en-US'),
  );
  await expect(usage.getByText(`${expected.cached} cached`)).toBeVisible();
  await expect(usage.getByText(`${expected.reasoning} reasoning`)).toBeVisible();
  mkdirSync(shots, { recursive: true });
  await app.screenshot({ path: join(shots, 'usage-responses.png') });
});
