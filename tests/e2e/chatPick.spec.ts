import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { startEmulator, type Emulator, type RecordedRequest } from '../emulator/server';
import { expect, test as base } from './fixtures';
import { requireKeychain } from './keychainGate';

// Its own keychain service: these tests never touch the person's "Switchboard" entries.
const service = `Switchboard-e2e-pick-${randomBytes(4).toString('hex')}`;
const keychain = createKeytarKeyStore({ service });

/** A second provider on another port, so two profiles are two real servers. */
const test = base.extend<{ second: Emulator }>({
  second: async ({}, use) => {
    const emulator = await startEmulator({ defaultRate: 200 });
    await use(emulator);
    await emulator.close();
  },
});

test.afterAll(async () => {
  for (const account of await keychain.accounts().catch(() => [])) await keychain.delete(account);
});

interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  reasoning_effort?: string;
  max_tokens?: number;
  max_completion_tokens?: number;
}

/** The chat calls a server received (auto-title calls left out: they carry their own prompt). */
const chats = (emulator: Emulator): ChatBody[] =>
  emulator.requests
    .filter((r: RecordedRequest) => r.path.endsWith('/chat/completions'))
    .map((r) => r.body as ChatBody)
    .filter((body) => !body.messages[0]?.content.startsWith('You name conversations'));

const answers = (app: Page) =>
  app.getByRole('log').getByRole('article', { name: 'Assistant message' });

async function send(app: Page, text: string, count: number): Promise<void> {
  await app.getByRole('textbox', { name: 'Message' }).fill(text);
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(answers(app)).toHaveCount(count);
  await expect(answers(app).last()).toContainText('You said');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
}

async function pickModel(app: Page, search: string, option: string): Promise<void> {
  await app.getByRole('button', { name: /^Model:/ }).click();
  await app.getByRole('combobox', { name: 'Search models' }).fill(search);
  await app.getByRole('option', { name: option, exact: true }).click();
  await expect(app.getByRole('button', { name: `Model: ${option}` })).toBeVisible();
}

/** Two profiles on two emulators, keys for this session only (the keychain stays out of it). */
async function saveTwoProfiles(app: Page, a: Emulator, b: Emulator): Promise<void> {
  const saved = await app.evaluate(
    async ({ urlA, urlB }) => {
      const api = (
        window as unknown as { api: { saveProfile(r: unknown): Promise<{ ok: boolean }> } }
      ).api;
      const first = await api.saveProfile({
        profile: { name: 'Emu A', type: 'openai', baseUrl: urlA, defaultModel: 'emu-1' },
        apiKey: 'sk-e2e-pick-a-0001',
        keyStorage: 'session',
        makeDefault: true,
      });
      const second = await api.saveProfile({
        profile: { name: 'Emu B', type: 'openai', baseUrl: urlB, defaultModel: 'emu-1' },
        apiKey: 'sk-e2e-pick-b-0002',
        keyStorage: 'session',
      });
      return [first.ok, second.ok];
    },
    { urlA: a.url, urlB: b.url },
  );
  expect(saved).toEqual([true, true]);
  await app.reload();
}

test('two profiles in one conversation through the header selector; reload keeps every pick true', async ({
  app,
  emulator,
  second,
}) => {
  await saveTwoProfiles(app, emulator, second);
  await expect(app.getByRole('button', { name: 'Model: emu-1 · Emu A' })).toBeVisible();

  // emu-2 is not typed anywhere: it comes from Emu B's own model list.
  await pickModel(app, 'emu-2', 'emu-2 · Emu B');
  await send(app, 'First to B [tokens=4]', 1);
  expect(chats(second).map((c) => c.model)).toEqual(['emu-2']);
  expect(chats(emulator)).toHaveLength(0);

  await pickModel(app, 'Emu A', 'emu-1 · Emu A');
  await send(app, 'Then to A [tokens=4]', 2);
  expect(chats(emulator).map((c) => c.model)).toEqual(['emu-1']);
  // The same conversation: A gets the whole history, B's answer included.
  expect(chats(emulator)[0]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  expect(chats(second)).toHaveLength(1);

  // Each answer says which profile and model made it, before and after a reload.
  for (const round of ['live', 'after reload']) {
    await expect(answers(app).nth(0).locator('footer'), round).toContainText('emu-2');
    await expect(answers(app).nth(0).locator('footer'), round).toContainText('Emu B');
    await expect(answers(app).nth(1).locator('footer'), round).toContainText('emu-1');
    await expect(answers(app).nth(1).locator('footer'), round).toContainText('Emu A');
    await expect(app.getByRole('button', { name: 'Model: emu-1 · Emu A' }), round).toBeVisible();
    if (round === 'live') await app.reload();
  }

  // Switching without sending is kept too, and a new chat starts from the last pick.
  await pickModel(app, 'emu-2', 'emu-2 · Emu B');
  await app.reload();
  await expect(app.getByRole('button', { name: 'Model: emu-2 · Emu B' })).toBeVisible();
  await send(app, 'Third, to B again [tokens=4]', 3);
  expect(chats(second).map((c) => c.model)).toEqual(['emu-2', 'emu-2']);
  await app.getByRole('button', { name: 'New conversation' }).click();
  await expect(app.getByRole('button', { name: 'Model: emu-2 · Emu B' })).toBeVisible();
});

test.describe('first run with only a local server imported', () => {
  test.use({
    providerEnv: async ({ emulator, second }, use) => {
      await use({
        OPENAI_BASE_URL: emulator.url,
        OPENAI_API_KEY: 'sk-e2e-env-key-0000',
        SWITCHBOARD_MODEL: 'emu-1',
        SWITCHBOARD_KEYCHAIN_SERVICE: service,
        // The second emulator stands in for Ollama on its usual port.
        SWITCHBOARD_LOCAL_SERVERS: `Ollama:${second.port}`,
      });
    },
  });

  test('the imported server is the pick and the first message goes there, not to the env key', async ({
    app,
    emulator,
    second,
  }) => {
    await expect(app.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible();
    await app.getByRole('button', { name: `Import Ollama on 127.0.0.1:${second.port}` }).click();
    await expect(app.getByRole('list', { name: 'Found providers' })).toContainText(
      'Imported as ollama',
    );
    await expect(app.getByRole('button', { name: 'Model: emu-1 · ollama' })).toBeVisible();
    await app.getByRole('button', { name: 'Start chatting' }).click();
    await send(app, 'Hello local [tokens=3]', 1);
    expect(chats(second)).toHaveLength(1);
    expect(chats(emulator)).toHaveLength(0);
  });
});

test('deleting a profile moves its conversations to a working one, on that profile’s own model', async ({
  app,
  emulator,
  second,
}) => {
  await saveTwoProfiles(app, emulator, second);
  await pickModel(app, 'emu-2', 'emu-2 · Emu B');
  await send(app, 'To B [tokens=3]', 1);

  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('navigation', { name: 'Profiles' }).getByText('Emu B').click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  // The app's own confirmation, not the browser's: Cancel keeps the profile.
  const confirm = app.getByRole('alertdialog', { name: 'Delete “Emu B”?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('navigation', { name: 'Profiles' })).toContainText('Emu B');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete profile' }).click();
  await expect(dialog.getByRole('navigation', { name: 'Profiles' })).not.toContainText('Emu B');
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  await expect(app.getByRole('button', { name: 'Model: emu-1 · Emu A' })).toBeVisible();
  await app.getByRole('button', { name: /^Model:/ }).click();
  await expect(app.getByRole('option', { name: /Emu B/ })).toHaveCount(0);
  await app.keyboard.press('Escape');
  await send(app, 'Now who answers? [tokens=3]', 2);
  // Emu A with its own default model, never the deleted profile's emu-2.
  expect(chats(emulator).map((c) => c.model)).toEqual(['emu-1']);
  expect(chats(second)).toHaveLength(1);
  await app.reload();
  await expect(app.getByRole('button', { name: 'Model: emu-1 · Emu A' })).toBeVisible();
});

test('the chat settings panel shows exactly what is sent, per chat; Reset clears what is sent', async ({
  app,
  emulator,
}) => {
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('System prompt').fill('Be brief.');
  await panel.getByLabel('Temperature (0–2)').fill('0.7');
  await send(app, 'With settings [tokens=3]', 1);
  const first = chats(emulator)[0]!;
  expect(first.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
  expect(first.temperature).toBe(0.7);

  // Nothing leaks into the next chat: blank fields, and nothing of them is sent.
  await app.getByRole('button', { name: 'New conversation' }).click();
  await expect(panel.getByLabel('System prompt')).toHaveValue('');
  await expect(panel.getByLabel('Temperature (0–2)')).toHaveValue('');
  await send(app, 'Plain chat [tokens=3]', 1);
  const plain = chats(emulator)[1]!;
  expect(plain.messages.map((m) => m.role)).toEqual(['user']);
  expect(plain.temperature).toBeUndefined();

  // The first chat again, and after a reload: it shows what it will send.
  const rows = app.getByRole('list', { name: 'Conversations' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole('button').first().click();
  await expect(panel.getByLabel('System prompt')).toHaveValue('Be brief.');
  await app.reload();
  await expect(panel.getByLabel('System prompt')).toHaveValue('Be brief.');
  await expect(panel.getByLabel('Temperature (0–2)')).toHaveValue('0.7');

  // Reset clears the stored values: the system prompt is really gone from what is sent.
  await panel.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(panel.getByLabel('System prompt')).toHaveValue('');
  await send(app, 'After reset [tokens=3]', 2);
  const reset = chats(emulator)[2]!;
  expect(reset.messages.some((m) => m.role === 'system')).toBe(false);
  expect(reset.temperature).toBeUndefined();
  await app.reload();
  await expect(panel.getByLabel('System prompt')).toHaveValue('');
  await expect(panel.getByLabel('Temperature (0–2)')).toHaveValue('');
});

test('reasoning effort shows for a reasoning model only, and goes out only to it', async ({
  app,
  emulator,
}) => {
  const saved = await app.evaluate(async (url) => {
    const api = (
      window as unknown as { api: { saveProfile(r: unknown): Promise<{ ok: boolean }> } }
    ).api;
    const result = await api.saveProfile({
      profile: { name: 'Emu o3', type: 'openai', baseUrl: url, defaultModel: 'o3-mini' },
      apiKey: 'sk-e2e-effort-0003',
      keyStorage: 'session',
      makeDefault: true,
    });
    return result.ok;
  }, emulator.url);
  expect(saved).toBe(true);
  await app.reload();
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  await expect(app.getByRole('button', { name: 'Model: o3-mini · Emu o3' })).toBeVisible();
  const effort = panel.getByLabel('Reasoning effort');
  await expect(effort).toHaveValue('');
  await effort.selectOption({ label: 'High' });
  await send(app, 'Think hard [tokens=3]', 1);
  expect(chats(emulator).at(-1)).toMatchObject({ model: 'o3-mini', reasoning_effort: 'high' });

  // A model that does not reason: no choice shown, and nothing of it sent.
  await pickModel(app, 'emu-1', 'emu-1 · Emu o3');
  await expect(effort).toHaveCount(0);
  await send(app, 'Plain now [tokens=3]', 2);
  const plain = chats(emulator).at(-1)!;
  expect(plain.model).toBe('emu-1');
  expect(plain).not.toHaveProperty('reasoning_effort');
});

test('Anthropic prompt caching is on by default and a profile can turn it off in Settings', async ({
  app,
  emulator,
}) => {
  const saved = await app.evaluate(async (url) => {
    const api = (
      window as unknown as { api: { saveProfile(r: unknown): Promise<{ ok: boolean }> } }
    ).api;
    const result = await api.saveProfile({
      profile: {
        name: 'Emu Claude',
        type: 'anthropic',
        baseUrl: url,
        defaultModel: 'claude-haiku-4-5',
      },
      apiKey: 'sk-ant-e2e-cache-0004',
      keyStorage: 'session',
      makeDefault: true,
    });
    return result.ok;
  }, emulator.origin);
  expect(saved).toBe(true);
  await app.reload();
  const lastUserTurn = (marker: string) => {
    const call = emulator.requests.find(
      (r) =>
        r.path === '/v1/messages' &&
        JSON.stringify(r.body).includes(marker) &&
        !JSON.stringify(r.body).includes('You name conversations'),
    );
    return (call?.body as { messages: { content: unknown }[] }).messages.at(-1)!.content;
  };
  await send(app, 'Cached turn [tokens=3]', 1);
  expect(lastUserTurn('Cached turn')).toEqual([
    { type: 'text', text: 'Cached turn [tokens=3]', cache_control: { type: 'ephemeral' } },
  ]);

  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog
    .getByRole('navigation', { name: 'Profiles' })
    .getByRole('button', { name: /Emu Claude/ })
    .click();
  const box = dialog.getByRole('checkbox', { name: 'Prompt caching' });
  await expect(box).toBeChecked();
  await box.uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(box).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Close settings' }).click();
  await app.getByRole('button', { name: 'New conversation' }).click();
  await send(app, 'Uncached turn [tokens=3]', 1);
  expect(lastUserTurn('Uncached turn')).toBe('Uncached turn [tokens=3]');
});

test.describe('no key anywhere', () => {
  test.use({
    providerEnv: async ({ emulator }, use) => {
      await use({
        OPENAI_BASE_URL: emulator.url,
        SWITCHBOARD_MODEL: 'emu-1',
        SWITCHBOARD_KEYCHAIN_SERVICE: service,
        // A port nothing listens on: no local server is found.
        SWITCHBOARD_LOCAL_SERVERS: 'Nothing:1',
      });
    },
  });

  test('sending says "no API key for this profile" before any request, with a button to add one', async ({
    app,
    emulator,
  }) => {
    await app.getByRole('button', { name: 'Start chatting' }).click();
    await expect(app.getByRole('button', { name: /^Model: emu-1 · openai/ })).toBeVisible();
    await app.getByRole('textbox', { name: 'Message' }).fill('Anyone there?');
    await app.getByRole('button', { name: 'Send' }).click();
    const notice = app.getByRole('alert').filter({ hasText: 'No API key for this profile' });
    await expect(notice).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Message' })).toHaveValue('Anyone there?');
    // Main refuses too, whoever asks: a value naming the profile, and still no request.
    const refused = await app.evaluate(async () => {
      const api = (window as unknown as { api: { sendMessage(r: unknown): Promise<unknown> } }).api;
      return api.sendMessage({ text: 'Direct?', profileId: 'openai' });
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'no_key', profileId: 'openai' } });
    expect(emulator.requests).toHaveLength(0);

    await notice.getByRole('button', { name: 'Add API key' }).click();
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('heading', { name: 'Edit openai' })).toBeVisible();
  });

  test('the welcome screen goes away once a keyed profile is saved, without a restart', async ({
    app,
    emulator,
  }) => {
    await requireKeychain(keychain, 'chat pick');
    await expect(app.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible();
    await app.getByRole('button', { name: 'Settings' }).click();
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('button', { name: '+ Add profile' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Mine');
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(emulator.url);
    await dialog.getByRole('textbox', { name: 'Model' }).fill('emu-2');
    await dialog.getByLabel('API key').fill('sk-e2e-pick-mine-0003');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('heading', { name: 'Edit Mine' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close settings' }).click();
    await expect(app.getByRole('heading', { name: 'Welcome to Switchboard' })).toHaveCount(0);
    // The keyless default gave way: new chats go to the profile that works.
    await expect(app.getByRole('button', { name: 'Model: emu-2 · Mine' })).toBeVisible();
    await send(app, 'Hello mine [tokens=3]', 1);
    expect(chats(emulator).map((c) => c.model)).toEqual(['emu-2']);
    await app.getByRole('button', { name: 'New conversation' }).click();
    await expect(app.getByRole('heading', { name: 'Welcome to Switchboard' })).toHaveCount(0);
  });
});
