import { randomBytes } from 'node:crypto';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { expect, test } from './fixtures';
import { requireKeychain } from './keychainGate';
import { askAndOpenReasoning } from './reasoningAnswer';
import { reportedUsage, sumReported, usageTableRow } from './reportedUsage';

// Its own keychain service: this test never reads or writes the person's "Switchboard" entries.
const service = `Switchboard-e2e-gemini-${randomBytes(4).toString('hex')}`;
const keychain = createKeytarKeyStore({ service });
const KEY = `gemini-e2e-${randomBytes(8).toString('hex')}GEMK`;
const ENV_KEY = `gemini-e2e-env-${randomBytes(6).toString('hex')}ENVK`;

test.use({
  providerEnv: async ({ emulator }, use) => {
    await use({
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-e2e-test-key-0000',
      SWITCHBOARD_MODEL: 'emu-1',
      SWITCHBOARD_KEYCHAIN_SERVICE: service,
      // First run finds the key as Google's SDK would.
      GEMINI_API_KEY: ENV_KEY,
    });
  },
});

test.afterAll(async () => {
  for (const account of await keychain.accounts().catch(() => [])) await keychain.delete(account);
});

test('a Gemini profile added in Settings is tested and streams an answer with its thoughts', async ({
  page,
  harness,
  emulator,
}, testInfo) => {
  await requireKeychain(keychain, 'gemini');
  testInfo.setTimeout(90_000);
  // Every message the renderer receives: neither key may be among them.
  const received: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => received.push(String(frame.payload))),
  );
  await page.goto(harness.url);

  // First run names the variable it found the key in.
  const found = page.getByRole('list', { name: 'Found providers' });
  await expect(found).toContainText('GEMINI_API_KEY in the environment');
  await expect(found).toContainText('key …ENVK');
  await page.getByRole('button', { name: 'Start chatting' }).click();

  // Settings: the form asks what Gemini needs, as providerKinds.ts says.
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: '+ Add profile' }).click();
  await dialog.getByRole('combobox', { name: 'Provider type' }).selectOption('gemini');
  await expect(dialog.getByRole('combobox', { name: 'Provider type' })).toHaveValue('gemini');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Gemini emu');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.origin);
  await dialog.getByRole('textbox', { name: 'Model' }).fill('gemini-3-emu-1');
  await dialog.getByLabel('API key').fill(KEY);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('heading', { name: 'Edit Gemini emu' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByRole('status', { name: 'Connection test result' });
  await expect(result).toContainText('Connection works');
  await expect(result).toContainText(`GET ${emulator.origin}/v1beta/models`);
  const probe = emulator.requests.filter((r) => r.path === '/v1beta/models').at(-1);
  expect(probe?.headers['x-goog-api-key']).toBe(KEY);
  await dialog.getByRole('button', { name: 'Set as default' }).click();
  await expect(
    dialog
      .getByRole('navigation', { name: 'Profiles' })
      .getByRole('button', { name: /Gemini emu\s*default/ }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  // A streamed answer: the thoughts first, folded as reasoning, then the text.
  await askAndOpenReasoning(page, 'tokens=1 reasoning=6 cached=4');
  await page.screenshot({ path: testInfo.outputPath('gemini-answer-with-thoughts.png') });

  const chat = emulator.requests
    .filter((r) => r.path === '/v1beta/models/gemini-3-emu-1:streamGenerateContent')
    .at(-1);
  expect(chat?.url).toContain('alt=sse');
  expect(chat?.headers['x-goog-api-key']).toBe(KEY);
  expect(chat?.headers.authorization).toBeUndefined();

  // The call is in the usage ledger with its cached and thought tokens as Gemini reported them.
  const answered = reportedUsage(chat!);
  expect(answered).toMatchObject({ model: 'gemini-3-emu-1', cached: 4, reasoning: 6 });
  const generated = () =>
    emulator.requests.filter((r) => r.method === 'POST' && r.closedAt !== undefined);
  // The answer, and its title (the profile's model too, so both are in one row). `tokens=1` and a
  // question over 60 characters: the title's echo is one line, so no title is stopped at its
  // first line before the emulator sends its last usage (as in usage.spec.ts).
  await expect.poll(() => generated().length).toBe(2);
  for (const call of generated()) expect(reportedUsage(call).input, call.path).toBeGreaterThan(0);
  // The title is saved after its ledger row: once it shows, every row is in.
  await expect(
    page.getByRole('complementary', { name: 'Conversations sidebar' }).getByRole('listitem'),
  ).toContainText('You said');
  const expected = sumReported(generated().map(reportedUsage));
  await page.getByRole('button', { name: 'Usage', exact: true }).click();
  const usage = page.getByRole('dialog', { name: 'Usage' });
  await expect(usage.getByRole('table', { name: 'Usage by model' })).toContainText(
    'gemini-3-emu-1',
  );
  expect(await usageTableRow(usage, 'gemini-3-emu-1')).toMatchObject({
    calls: 2,
    input: expected.input,
    cached: expected.cached,
    output: expected.output,
    reasoning: expected.reasoning,
  });
  expect(expected.cached).toBeGreaterThanOrEqual(4);
  expect(expected.reasoning).toBeGreaterThanOrEqual(6);
  await page.screenshot({ path: testInfo.outputPath('gemini-usage.png') });

  expect(received.length).toBeGreaterThan(10);
  for (const [name, text] of [
    ['renderer messages', received.join('\n')],
    ['harness output', harness.output()],
  ]) {
    expect(text!.includes(KEY), `${name} carry the key`).toBe(false);
    expect(text!.includes(ENV_KEY), `${name} carry the environment's key`).toBe(false);
  }
});
