import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { startHarnessProcess } from '../support/harnessProcess';
import { filesUnder } from '../support/files';
import { expect, test } from './fixtures';
import { requireKeychain } from './keychainGate';

// Its own keychain service: these tests never read or write the person's "Switchboard" entries.
const service = `Switchboard-e2e-${randomBytes(4).toString('hex')}`;
const keychain = createKeytarKeyStore({ service });
const GOOD = `sk-e2e-good-${randomBytes(8).toString('hex')}G00D`;
const BAD = `sk-e2e-bad-${randomBytes(8).toString('hex')}BAAD`;
const ENV_FILE_KEY = `sk-ant-e2e-${randomBytes(8).toString('hex')}ANTK`;
const ENV_KEY = 'sk-e2e-test-key-0000';
const shots = join(import.meta.dirname, '../../test-results/screenshots');

test.use({
  providerEnv: async ({ emulator }, use) => {
    await use({
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: ENV_KEY,
      SWITCHBOARD_MODEL: 'emu-1',
      SWITCHBOARD_KEYCHAIN_SERVICE: service,
      // The emulator stands in for a local Ollama on its usual port.
      SWITCHBOARD_LOCAL_SERVERS: `Ollama:${emulator.port}`,
    });
  },
});

test.afterAll(async () => {
  for (const account of await keychain.accounts().catch(() => [])) await keychain.delete(account);
});

test('a profile added in Settings is tested, used for chat, and after a restart only its hint is shown; no key leaks', async ({
  page,
  harness,
  emulator,
  providerEnv,
}, testInfo) => {
  await requireKeychain(keychain, 'keys');
  testInfo.setTimeout(120_000);

  // Every message the renderer receives, across both harness runs.
  const received: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => received.push(String(frame.payload))),
  );
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(harness.url);

  // First run: what was found, instead of an empty chat.
  await expect(page.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible();
  const found = page.getByRole('list', { name: 'Found providers' });
  await expect(found).toContainText('OPENAI_API_KEY in the environment');
  await expect(found).toContainText('key …0000');
  await expect(found).toContainText(`Ollama on 127.0.0.1:${emulator.port}`);
  await page.getByLabel('Scan a .env file…').setInputFiles({
    name: '.env',
    mimeType: 'text/plain',
    buffer: Buffer.from(`# picked by the person\nANTHROPIC_API_KEY="${ENV_FILE_KEY}"\n`),
  });
  await expect(found).toContainText('ANTHROPIC_API_KEY in the .env file');
  await expect(found).toContainText('key …ANTK');
  await page.screenshot({ path: join(shots, 'first-run.png') });
  await page.getByRole('button', { name: 'Import ANTHROPIC_API_KEY in the .env file' }).click();
  await expect(found).toContainText('Imported as anthropic');
  await page.getByRole('button', { name: `Import Ollama on 127.0.0.1:${emulator.port}` }).click();
  await expect(found).toContainText('Imported as ollama');
  expect(await keychain.get('anthropic')).toBe(ENV_FILE_KEY);
  await page.getByRole('button', { name: 'Start chatting' }).click();
  await expect(page.getByRole('log')).toBeVisible();

  // Settings: invalid input is refused at the field.
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: '+ Add profile' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Provider type' })).toHaveValue(
    'openai-compatible',
  );
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill('localhost:1234/v1');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(dialog.getByText('Give the profile a name.')).toBeVisible();
  await expect(dialog.getByText('Enter a full URL starting with https://')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Base URL' })).toHaveAccessibleDescription(
    /full URL/,
  );

  // A good profile: saved, tested, made the default.
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Emulator');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.url);
  await dialog.getByRole('textbox', { name: 'Model' }).fill('emu-1');
  await dialog.getByLabel('API key').fill(GOOD);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('heading', { name: 'Edit Emulator' })).toBeVisible();
  await expect(dialog.getByLabel('API key')).toHaveValue('');
  await expect(dialog.getByLabel('API key')).toHaveAttribute('placeholder', '•••• G00D');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByRole('status', { name: 'Connection test result' });
  await expect(result).toContainText('Connection works');
  await expect(result).toContainText(`GET ${emulator.url}/models`);
  await dialog.getByRole('button', { name: 'Set as default' }).click();
  await expect(
    dialog
      .getByRole('navigation', { name: 'Profiles' })
      .getByRole('button', { name: /Emulator\s*default/ }),
  ).toBeVisible();

  // A profile with a bad key: the test says why.
  await dialog.getByRole('button', { name: '+ Add profile' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Emulator bad key');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.url);
  await dialog.getByLabel('API key').fill(BAD);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('Failed at: Key');
  await expect(result).toContainText('The server refused the key (HTTP 401)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('heading', { name: 'Edit Emulator bad key' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('Failed at: Key');
  await page.screenshot({ path: join(shots, 'settings.png') });
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  // Chat goes to the default profile with its key from the keychain.
  await page.getByRole('textbox', { name: 'Message' }).fill('Hello through the profile');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText('emu-1');
  const chatCall = emulator.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1);
  expect(chatCall?.headers.authorization).toBe(`Bearer ${GOOD}`);

  // Restart: the profile is still there, its key shown only as its hint.
  const firstOutput = harness.output();
  await harness.stop();
  const again = await startHarnessProcess({ env: providerEnv, dataDir: harness.dataDir });
  try {
    await page.goto(again.url);
    await expect(page.getByRole('log')).toBeVisible(); // first run is over
    await page.getByRole('button', { name: 'Settings' }).click();
    const nav = page.getByRole('navigation', { name: 'Profiles' });
    await expect(nav).toContainText('Emulator');
    await expect(nav.getByRole('button', { name: /Emulator\s*default/ })).toContainText(
      'key …G00D',
    );
    await nav.getByRole('button', { name: /Emulator\s*default/ }).click();
    await expect(page.getByLabel('API key')).toHaveValue('');
    await expect(page.getByLabel('API key')).toHaveAttribute('placeholder', '•••• G00D');
    await expect(page.getByText('Saved key ending in G00D, in the keychain.')).toBeVisible();
    await page.screenshot({ path: join(shots, 'settings-after-restart.png') });
  } finally {
    await again.stop();
  }

  // No key anywhere: data dir (which holds the preferences here), logs, and what the renderer got.
  expect(received.length).toBeGreaterThan(10);
  const places: [string, string][] = [
    ['harness output (1st run)', firstOutput],
    ['harness output (2nd run)', again.output()],
    ['renderer messages', received.join('\n')],
    ...filesUnder(harness.dataDir).map((file): [string, string] => [
      file,
      readFileSync(file, 'latin1'),
    ]),
  ];
  expect(places.some(([name]) => name.endsWith('config.json'))).toBe(true);
  for (const [name, text] of places) {
    for (const key of [GOOD, BAD, ENV_FILE_KEY, ENV_KEY])
      expect(text.includes(key), `${name} contains a key`).toBe(false);
  }
});

test('a corrupt preferences file is set aside and the person is told', async ({
  page,
  providerEnv,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-corrupt-'));
  writeFileSync(join(dataDir, 'config.json'), '{"profiles": [{"id": "openai"');
  const harness = await startHarnessProcess({ env: providerEnv, dataDir });
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toContainText(
      'config.corrupt-',
    );
    expect(readdirSync(dataDir).some((f) => f.startsWith('config.corrupt-'))).toBe(true);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('navigation', { name: 'Profiles' })).toContainText('anthropic');
  } finally {
    await harness.stop();
  }
});

test('without a keychain the app says so and keeps a key for this session only, never on disk', async ({
  page,
  providerEnv,
  emulator,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-nokeychain-'));
  // A D-Bus address that goes nowhere: the Secret Service is unreachable, as on a bare Linux box.
  const harness = await startHarnessProcess({
    env: { ...providerEnv, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/switchboard-bus' },
    dataDir,
  });
  const key = `sk-e2e-session-${randomBytes(8).toString('hex')}SESS`;
  try {
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(harness.url);
    await expect(
      page.getByRole('alert').filter({ hasText: 'No keychain is reachable' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('button', { name: '+ Add profile' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Session');
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.url);
    await dialog.getByLabel('API key').fill(key);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByLabel('API key')).toHaveAccessibleDescription(/session only/);
    await dialog.getByRole('checkbox', { name: 'Keep this key for this session only' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('navigation', { name: 'Profiles' })).toContainText(
      'key …SESS (session only)',
    );
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('status', { name: 'Connection test result' })).toContainText(
      'Connection works',
    );
    await page.screenshot({ path: join(shots, 'settings-no-keychain.png') });

    // Azure: its own fields, and an endpoint without a scheme refused at the field.
    await dialog.getByRole('button', { name: '+ Add profile' }).click();
    await dialog.getByRole('combobox', { name: 'Provider type' }).selectOption('azure');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Azure west');
    await dialog.getByRole('textbox', { name: 'Endpoint' }).fill('myres.openai.azure.com');
    await dialog.getByRole('textbox', { name: 'Deployment' }).fill('gpt-4o');
    await expect(dialog.getByRole('textbox', { name: 'API version' })).toHaveValue('2024-10-21');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Endpoint' })).toHaveAccessibleDescription(
      /full URL/,
    );
    await page.screenshot({ path: join(shots, 'settings-azure.png') });

    for (const file of filesUnder(dataDir))
      expect(readFileSync(file, 'latin1').includes(key), file).toBe(false);
    expect(harness.output()).not.toContain(key);
  } finally {
    await harness.stop();
  }
});
