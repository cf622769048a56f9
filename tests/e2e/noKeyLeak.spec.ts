import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { startHarnessProcess } from '../support/harnessProcess';
import { SecretScanner } from '../support/secretScan';
import { filesUnder } from '../support/files';
import { expect, test } from './fixtures';
import { requireKeychain } from './keychainGate';

// Its own keychain service: this test never reads or writes the person's "Switchboard" entries.
const service = `Switchboard-e2e-noleak-${randomBytes(4).toString('hex')}`;
const keychain = createKeytarKeyStore({ service });

/** Random hex: never "-bad-", the marker the emulator refuses on purpose. */
const randomPart = (bytes: number): string => randomBytes(bytes).toString('hex');
// A gateway's bare 32-hex key (Azure keys look the same): shaped like no key the redaction
// pattern knows, so only the exact registry of known secrets can strike it out. The second key
// is Anthropic-shaped, which the pattern also catches.
const GATEWAY_KEY = randomPart(16);
const ANTHROPIC_KEY = `sk-ant-api03-${randomPart(24)}`;
const KEYS = [GATEWAY_KEY, ANTHROPIC_KEY];

/** Invoke channels whose request carries a key the person typed: the only frames allowed to. */
const typedKeyChannels = new Set(['switchboard:saveProfile', 'switchboard:testConnection']);

test.use({
  providerEnv: async ({ emulator }, use) => {
    await use({
      OPENAI_BASE_URL: emulator.url,
      SWITCHBOARD_MODEL: 'emu-1',
      SWITCHBOARD_KEYCHAIN_SERVICE: service,
    });
  },
});

test.afterAll(async () => {
  for (const account of await keychain.accounts().catch(() => [])) await keychain.delete(account);
});

async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await click();
  return downloading;
}

test('a whole session with real keys leaves no key in files, logs, downloads, the clipboard, frames or the console', async ({
  page,
  emulator,
  providerEnv,
}, testInfo) => {
  await requireKeychain(keychain, 'noKeyLeak');
  testInfo.setTimeout(240_000);

  const scanner = new SecretScanner(KEYS);
  // Positive control: the scanner finds the key whole, in a 12-character slice, and in base64.
  const control = new SecretScanner(KEYS);
  control.scan('whole', `x ${GATEWAY_KEY} y`);
  control.scan('slice', `…${ANTHROPIC_KEY.slice(9, 23)}…`);
  control.scan('base64', `Basic ${Buffer.from(`user:${GATEWAY_KEY}`).toString('base64')}`);
  control.scan('utf16', Buffer.from(`k=${ANTHROPIC_KEY}`, 'utf16le'));
  control.scan('clean', 'Bearer [redacted]');
  expect(control.leaks.map((leak) => leak.where)).toEqual(['whole', 'slice', 'base64', 'utf16']);

  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-noleak-data-'));
  const configDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-noleak-config-'));
  const harness = await startHarnessProcess({
    env: providerEnv,
    dataDir,
    args: ['--config-dir', configDir],
  });

  const framesReceived: string[] = [];
  const framesSent: string[] = [];
  const consoleLines: string[] = [];
  const clipboard: string[] = [];
  const downloads: { name: string; content: Buffer }[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) => framesReceived.push(String(frame.payload)));
    ws.on('framesent', (frame) => framesSent.push(String(frame.payload)));
  });
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.stack ?? error.message}`));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const keepDownload = async (download: Download) => {
    downloads.push({
      name: download.suggestedFilename(),
      content: readFileSync((await download.path())!),
    });
  };
  const copied = async () => {
    clipboard.push(await page.evaluate(() => navigator.clipboard.readText()));
  };

  try {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Start chatting' }).click();

    // Settings: two profiles, keys typed once, tested, kept in the keychain.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const result = dialog.getByRole('status', { name: 'Connection test result' });
    await dialog.getByRole('button', { name: '+ Add profile' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Groq-like');
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.url);
    await dialog.getByRole('textbox', { name: 'Model' }).fill('emu-1');
    await dialog.getByLabel('API key').fill(GATEWAY_KEY);
    await dialog.getByRole('button', { name: 'Test connection' }).click(); // a draft: the typed key
    await expect(result).toContainText('Connection works');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('heading', { name: 'Edit Groq-like' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Test connection' }).click(); // saved: the keychain's key
    await expect(result).toContainText('Connection works');
    // The first profile with a key becomes the default by itself (the built-in ones have none).
    await expect(
      dialog
        .getByRole('navigation', { name: 'Profiles' })
        .getByRole('button', { name: /Groq-like/ }),
    ).toContainText(/default/i);
    await expect(dialog.getByRole('button', { name: 'Set as default' })).toHaveCount(0);

    await dialog.getByRole('button', { name: '+ Add profile' }).click();
    await dialog.getByRole('combobox', { name: 'Provider type' }).selectOption('anthropic');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Claude-like');
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.origin);
    await dialog.getByRole('textbox', { name: 'Model' }).fill('claude-emu-1');
    await dialog.getByLabel('API key').fill(ANTHROPIC_KEY);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('heading', { name: 'Edit Claude-like' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(result).toContainText('Connection works');
    expect((await keychain.accounts()).length).toBe(2);
    await dialog.getByRole('button', { name: 'Close settings' }).click();

    // Chat with streaming answers, a regenerate, and a 401 that quotes the key whole.
    const message = page.getByRole('textbox', { name: 'Message' });
    const answers = page.getByRole('log').getByRole('article', { name: 'Assistant message' });
    await message.fill('Hello, stream me something [tokens=60 rate=300]');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(answers.last()).toContainText('You said: Hello, stream me something');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
    await answers.last().getByRole('button', { name: 'Regenerate' }).click();
    // The second version is on screen and done (Send alone would also show before it starts).
    await expect(answers.last().getByLabel('Version 2 of 2')).toBeVisible();
    await expect(answers.last()).toContainText('You said: Hello');
    await expect(answers.last()).toHaveAttribute('aria-busy', 'false');
    await message.fill('This one fails [fault=401 echo_key=1]');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(answers.last()).toContainText('Incorrect API key provided');
    expect(
      emulator.requests.some((r) => r.response.includes(GATEWAY_KEY)),
      'the emulator did echo the key (else this proves nothing)',
    ).toBe(true);

    // The inspector on the failed answer: the provider's body quoted the key.
    await answers.last().getByRole('button', { name: 'Inspect' }).click();
    const inspector = page.getByRole('dialog', { name: 'Inspector' });
    await expect(inspector.getByRole('region', { name: 'Response' })).toContainText('401');
    await inspector.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect(inspector.getByRole('status')).toHaveText('cURL copied');
    await copied();
    await inspector.getByRole('button', { name: 'Copy JSON' }).click();
    await expect(inspector.getByRole('status')).toHaveText('JSON copied');
    await copied();
    await inspector.getByRole('button', { name: 'Close inspector' }).click();

    // Exports of this conversation.
    await keepDownload(
      await downloaded(page, () =>
        page.getByRole('button', { name: 'Export as Markdown' }).click(),
      ),
    );
    await keepDownload(
      await downloaded(page, () => page.getByRole('button', { name: 'Export as JSON' }).click()),
    );

    // The Anthropic profile: a streamed answer and its own 401 quoting the key.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await dialog
      .getByRole('navigation', { name: 'Profiles' })
      .getByRole('button', { name: /Claude-like/ })
      .click();
    await dialog.getByRole('button', { name: 'Set as default' }).click();
    await dialog.getByRole('button', { name: 'Close settings' }).click();
    await page.getByRole('button', { name: 'New conversation' }).click();
    await message.fill('Hello Claude [tokens=40 rate=300]');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(answers.last()).toContainText('You said: Hello Claude');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
    await message.fill('Claude fails [fault=401 echo_key=1]');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(answers.last()).toContainText(/Incorrect API key provided|authentication/i);
    await answers.last().getByRole('button', { name: 'Inspect' }).click();
    await inspector.getByRole('button', { name: 'Copy JSON' }).click();
    await expect(inspector.getByRole('status')).toHaveText('JSON copied');
    await copied();
    await inspector.getByRole('button', { name: 'Close inspector' }).click();
    await keepDownload(
      await downloaded(page, () =>
        page.getByRole('button', { name: 'Export all as JSON' }).click(),
      ),
    );
    await keepDownload(
      await downloaded(page, () =>
        page.getByRole('button', { name: 'Export all as Markdown' }).click(),
      ),
    );

    // Usage and its CSV.
    await page.getByRole('button', { name: 'Usage', exact: true }).click();
    const usage = page.getByRole('dialog', { name: 'Usage' });
    await expect(usage.getByRole('table', { name: 'Usage by model' })).toContainText('emu-1');
    await keepDownload(
      await downloaded(page, () => usage.getByRole('button', { name: 'Export CSV' }).click()),
    );
    await page.keyboard.press('Escape');

    // A real internal failure for the crash log: the preferences file turns into a directory under
    // the app (a disk or sync tool gone wrong), so reading the profiles throws inside a handler.
    const configFile = join(configDir, 'config.json');
    renameSync(configFile, `${configFile}.aside`);
    mkdirSync(configFile);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const logFile = join(dataDir, 'logs', 'main.log');
    await expect
      .poll(() => existsSync(logFile) && readFileSync(logFile, 'utf8').includes('[ipc]'))
      .toBe(true);
    rmdirSync(configFile);
    renameSync(`${configFile}.aside`, configFile);
    await page.keyboard.press('Escape');

    // While running: the database with its -wal and -shm.
    const running = [...filesUnder(dataDir), ...filesUnder(configDir)];
    expect(running.some((file) => file.endsWith('switchboard.db-wal'))).toBe(true);
    for (const file of running) scanner.scan(`${file} (running)`, readFileSync(file));
  } finally {
    await harness.stop();
  }

  // After a clean quit: every file, the crash log among them.
  const files = [...filesUnder(dataDir), ...filesUnder(configDir)];
  for (const file of files) scanner.scan(file, readFileSync(file));
  const crashLog = readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8');
  expect(crashLog).toContain('[chat] chat answer failed: auth (HTTP 401)');
  expect(crashLog).toMatch(/\[ipc\] \w+ failed:/);
  expect(crashLog).toContain('[quit] answers saved and the database closed');
  expect(crashLog).toContain('[redacted]');
  for (const { name, content } of downloads) scanner.scan(`download ${name}`, content);
  clipboard.forEach((text, i) => scanner.scan(`clipboard #${i + 1}`, text));
  const output = harness.output().split('\n');
  output.forEach((line, i) => scanner.scan(`harness output line ${i + 1}`, line));
  framesReceived.forEach((frame, i) => scanner.scan(`frame to the page #${i + 1}`, frame));
  framesSent.forEach((frame, i) => {
    const message = JSON.parse(frame) as { channel?: string; payload?: { apiKey?: string } };
    // The person typed the key into the page: it goes to main once, in these requests' apiKey field.
    if (message.channel && typedKeyChannels.has(message.channel) && message.payload)
      delete message.payload.apiKey;
    scanner.scan(
      `frame from the page #${i + 1} (${message.channel ?? 'unknown'})`,
      JSON.stringify(message),
    );
  });
  consoleLines.forEach((line, i) => scanner.scan(`console message #${i + 1}`, line));

  // The scan covered the whole session, not nothing.
  expect(files.some((file) => file.endsWith('switchboard.db'))).toBe(true);
  expect(files.some((file) => file.endsWith('config.json'))).toBe(true);
  expect(files.length).toBeGreaterThanOrEqual(3);
  expect(crashLog.length).toBeGreaterThan(200);
  expect(downloads.map((d) => d.name.split('.').pop()).sort()).toEqual([
    'csv',
    'json',
    'json',
    'md',
    'md',
  ]);
  expect(clipboard).toHaveLength(3);
  expect(clipboard[0]).toContain('curl');
  expect(framesReceived.length).toBeGreaterThan(50);
  expect(framesSent.length).toBeGreaterThan(20);
  expect(output.length).toBeGreaterThan(3);
  expect(scanner.sources).toBeGreaterThan(100);
  expect(scanner.bytes).toBeGreaterThan(100_000);
  console.log(
    `[e2e noKeyLeak] scanned ${scanner.sources} sources (${scanner.bytes} bytes): ${files.length} files, ${downloads.length} downloads, ${clipboard.length} clipboard texts, ${framesReceived.length}+${framesSent.length} frames, ${output.length} output lines, ${consoleLines.length} console messages`,
  );
  expect(scanner.leaks).toEqual([]);
});
