import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/createCore';
import { openConfPreferences } from '../../src/main/core/preferences/confPreferences';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { createApi } from '../../src/preload/createApi';
import { registerIpc } from '../../src/main/ipc';
import { profileFromView, profileSchema } from '../../src/shared/profiles';
import type { EventPayloads } from '../../src/shared/ipc';
import { createMemoryIpcPair } from '../support/memoryIpc';

const KEY = 'sk-unit-secret-key-ABCD';

function setup(options: { configDir?: string; env?: NodeJS.ProcessEnv } = {}) {
  const configDir = options.configDir ?? mkdtempSync(join(tmpdir(), 'sb-prefs-'));
  const prefs = openConfPreferences(configDir);
  const keychain = createMemoryKeyStore();
  const events: unknown[] = [];
  const core = createCore({
    dataDir: configDir,
    env: options.env ?? {},
    appInfo: { name: 'Switchboard', version: '0', platform: 'linux', shell: 'harness' },
    emit: (event, payload: EventPayloads[typeof event]) => events.push({ event, payload }),
    preferences: prefs.store,
    keyStore: keychain,
    startupNotices: prefs.notice ? [prefs.notice] : [],
  });
  const pair = createMemoryIpcPair();
  registerIpc(pair.main, core.handlers, { isTrustedSender: () => true });
  const api = createApi(pair.renderer);
  return { api, core, keychain, configDir, events };
}

describe('profile validation', () => {
  it('refuses a URL without a scheme and an empty name, at the field', async () => {
    const { api } = setup();
    const result = await api.saveProfile({
      profile: { name: '', type: 'openai-compatible', baseUrl: 'localhost:11434/v1' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    const paths = Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, i.message]));
    expect(paths['profile.name']).toMatch(/name/);
    expect(paths['profile.baseUrl']).toMatch(/https:\/\//);
  });

  it('accepts http(s) URLs only', () => {
    const base = { id: 'x', name: 'x', type: 'openai' as const };
    expect(profileSchema.safeParse({ ...base, baseUrl: 'http://127.0.0.1:1234/v1' }).success).toBe(
      true,
    );
    expect(profileSchema.safeParse({ ...base, baseUrl: 'ftp://example.com' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...base, baseUrl: 'api.openai.com/v1' }).success).toBe(false);
  });

  it('refuses a duplicate name and a compatible server without a Base URL', async () => {
    const { api } = setup();
    const dup = await api.saveProfile({ profile: { name: 'OpenAI', type: 'openai' } });
    expect(!dup.ok && dup.error.issues?.[0]).toMatchObject({ path: 'profile.name' });
    const noUrl = await api.saveProfile({ profile: { name: 'local', type: 'openai-compatible' } });
    expect(!noUrl.ok && noUrl.error.issues?.[0]).toMatchObject({ path: 'profile.baseUrl' });
  });
  it('stores response timeouts in whole seconds and refuses odd ones at their field', async () => {
    const { api, core } = setup();
    const profile = {
      name: 'Slow local',
      type: 'openai-compatible' as const,
      baseUrl: 'http://127.0.0.1:11434/v1',
    };
    const bad = await api.saveProfile({
      profile: { ...profile, timeouts: { firstByteSeconds: 0, idleSeconds: 1.5 } },
    });
    expect(bad.ok).toBe(false);
    const issues = Object.fromEntries(
      (!bad.ok ? (bad.error.issues ?? []) : []).map((i) => [i.path, i.message]),
    );
    expect(issues['profile.timeouts.firstByteSeconds']).toMatch(/At least 1 s/);
    expect(issues['profile.timeouts.idleSeconds']).toMatch(/Whole seconds/);
    const tooLong = await api.saveProfile({
      profile: { ...profile, timeouts: { idleSeconds: 7200 } },
    });
    expect(!tooLong.ok && tooLong.error.issues?.[0]?.message).toMatch(/At most 3600 s/);

    const saved = await api.saveProfile({
      profile: { ...profile, timeouts: { firstByteSeconds: 20, idleSeconds: 900 } },
    });
    expect(saved.ok && saved.value.timeouts).toEqual({ firstByteSeconds: 20, idleSeconds: 900 });
    // What the engine receives for a call: the person's limits travel with the profile.
    const target = await core.resolveTarget(saved.ok ? saved.value.id : '');
    expect(target.profile.timeouts).toEqual({ firstByteSeconds: 20, idleSeconds: 900 });
  });

  it('keeps the prompt caching switch, refuses a non-boolean, and hands it to the engine', async () => {
    const { api, core } = setup();
    const profile = { name: 'Claude off-cache', type: 'anthropic' as const };
    const bad = await api.saveProfile({
      profile: { ...profile, promptCaching: 'no' as unknown as boolean },
    });
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('profile.promptCaching');
    const saved = await api.saveProfile({ profile: { ...profile, promptCaching: false } });
    expect(saved.ok && saved.value.promptCaching).toBe(false);
    // The profile the engine's target is built from carries it (no key here, so no target).
    expect(core.profiles.profile(saved.ok ? saved.value.id : '')?.promptCaching).toBe(false);
  });
});

describe('the "API" setting of a profile', () => {
  it('is saved over IPC, reaches the engine, and refuses anything but chat or responses', async () => {
    const { api, core } = setup();
    const saved = await api.saveProfile({
      profile: {
        name: 'Work',
        type: 'azure',
        azure: { endpoint: 'https://r.openai.azure.com' },
        api: 'responses',
      },
      apiKey: KEY,
    });
    expect(saved.ok && saved.value.api).toBe('responses');
    const target = await core.resolveTarget(saved.ok ? saved.value.id : '');
    expect(target.profile.api).toBe('responses');
    const bad = await api.saveProfile({
      profile: { name: 'Odd', type: 'openai', api: 'completions' as never },
    });
    expect(!bad.ok && bad.error.issues?.[0]).toMatchObject({ path: 'profile.api' });
    const oneApi = await api.saveProfile({
      profile: { name: 'Claude', type: 'anthropic', api: 'responses' },
    });
    expect(!oneApi.ok && oneApi.error.issues?.[0]).toMatchObject({
      path: 'profile.api',
      message: expect.stringMatching(/Anthropic profiles have one API/) as unknown,
    });
  });

  it('is read from the settings file, and an unknown value sets that profile aside', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'sb-prefs-'));
    writeFileSync(
      join(configDir, 'config.json'),
      JSON.stringify({
        profiles: [
          { id: 'openai', name: 'openai', type: 'openai', api: 'chat' },
          { id: 'odd', name: 'odd', type: 'openai', api: 'websocket' },
        ],
        defaultProfileId: 'openai',
      }),
    );
    const { api } = setup({ configDir });
    const list = await api.listProfiles({});
    expect(list.ok && list.value.profiles.map((p) => [p.id, p.api])).toEqual([['openai', 'chat']]);
  });
});

describe('profiles and keys over IPC', () => {
  it('starts with openai, anthropic and azure; adds, edits, defaults and deletes; the renderer sees only hints', async () => {
    const { api, keychain } = setup();
    const first = await api.listProfiles({});
    expect(first.ok && first.value.profiles.map((p) => p.name)).toEqual([
      'openai',
      'anthropic',
      'azure',
    ]);

    const saved = await api.saveProfile({
      profile: {
        name: 'Groq work',
        type: 'openai-compatible',
        baseUrl: 'https://api.groq.com/openai/v1',
        headers: [
          { name: 'X-Gateway-Key', secret: true },
          { name: 'X-Team', value: 'blue' },
        ],
      },
      apiKey: KEY,
      headerSecrets: { 'X-Gateway-Key': 'gw-secret-value-9999' },
      makeDefault: true,
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value).toMatchObject({
      id: 'groq-work',
      hasKey: true,
      hint: 'ABCD',
      keySource: 'keychain',
      isDefault: true,
      secretHeadersSet: ['x-gateway-key'],
    });
    expect(await keychain.get('groq-work')).toBe(KEY);
    expect(await keychain.get('groq-work#header:x-gateway-key')).toBe('gw-secret-value-9999');

    // Editing without a key keeps the stored one.
    const edited = await api.saveProfile({
      profile: { ...profileFromView(saved.value), defaultModel: 'llama-3.3-70b' },
    });
    expect(edited.ok && edited.value).toMatchObject({
      defaultModel: 'llama-3.3-70b',
      hint: 'ABCD',
    });

    const list = await api.listProfiles({});
    const wire = JSON.stringify(list);
    expect(wire).not.toContain(KEY);
    expect(wire).not.toContain('gw-secret-value-9999');

    expect((await api.deleteProfile({ id: 'groq-work' })).ok).toBe(true);
    expect(await keychain.accounts()).toEqual([]);
  });

  it('resolves the default profile with its key and secret headers for the engine', async () => {
    const { api, core } = setup();
    await api.saveProfile({
      profile: {
        name: 'gw',
        type: 'openai',
        baseUrl: 'https://gw.example/v1',
        authHeader: 'X-Api-Key',
        headers: [{ name: 'X-Secret', secret: true }],
      },
      apiKey: KEY,
      headerSecrets: { 'X-Secret': 's3cret-value' },
      makeDefault: true,
    });
    const target = await core.resolveTarget();
    expect(target.profile).toMatchObject({
      id: 'gw',
      baseUrl: 'https://gw.example/v1',
      defaultModel: 'gpt-4o-mini',
    });
    expect(target.apiKey).toBeNull(); // the custom header carries it instead
    expect(target.headers).toEqual({ 'X-Secret': 's3cret-value', 'X-Api-Key': KEY });
  });

  it('falls back to the environment for the built-in openai profile (the e2e harness relies on it)', async () => {
    const { core, api } = setup({
      env: {
        OPENAI_API_KEY: KEY,
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        SWITCHBOARD_MODEL: 'emu-1',
      },
    });
    const target = await core.resolveTarget('openai');
    expect(target).toMatchObject({
      apiKey: KEY,
      profile: { baseUrl: 'http://127.0.0.1:9/v1', defaultModel: 'emu-1' },
    });
    const list = await api.listProfiles({});
    expect(list.ok && list.value.profiles[0]).toMatchObject({
      hasKey: true,
      keySource: 'environment',
      hint: 'ABCD',
    });
    expect(JSON.stringify(list)).not.toContain(KEY);
  });

  it('offers a session-only key when the keychain refuses', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'sb-prefs-'));
    const prefs = openConfPreferences(configDir);
    const fail = async (): Promise<never> => {
      const { KeyStoreUnavailableError } = await import('../../src/main/core/secrets/KeyStore');
      throw new KeyStoreUnavailableError('No keychain is reachable: no Secret Service.');
    };
    const core = createCore({
      dataDir: configDir,
      env: {},
      appInfo: { name: 'Switchboard', version: '0', platform: 'linux', shell: 'harness' },
      emit: () => undefined,
      preferences: prefs.store,
      keyStore: { kind: 'keychain', get: fail, set: fail, delete: fail, accounts: fail },
    });
    const refused = await core.handlers
      .saveProfile({
        profile: {
          id: 'openai',
          name: 'openai',
          type: 'openai',
          headers: [],
          authMethod: 'apiKey',
        },
        apiKey: KEY,
        keyStorage: 'keychain',
      })
      .catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/session only/);
    const session = await core.handlers.saveProfile({
      profile: { id: 'openai', name: 'openai', type: 'openai', headers: [], authMethod: 'apiKey' },
      apiKey: KEY,
      keyStorage: 'session',
    });
    expect(session).toMatchObject({ hasKey: true, keySource: 'session' });
    const snapshot = await core.handlers.listProfiles({});
    expect(snapshot.keychain.available).toBe(false);
    // Nothing of the key reached the preferences file.
    expect(readFileSync(join(configDir, 'config.json'), 'utf8')).not.toContain(KEY);
  });
});

describe('a stored key goes only to the server it was saved for', () => {
  it('does not send it when a test points the profile elsewhere, and drops it when a save does', async () => {
    const calls: { url: string; auth: string | undefined }[] = [];
    const configDir = mkdtempSync(join(tmpdir(), 'sb-prefs-'));
    const prefs = openConfPreferences(configDir);
    const keychain = createMemoryKeyStore();
    const { createProfileHandlers } = await import('../../src/main/core/profiles/profileHandlers');
    const { ProfileService } = await import('../../src/main/core/profiles/ProfileService');
    const { SecretVault } = await import('../../src/main/core/secrets/SecretVault');
    const { NoticeBoard } = await import('../../src/main/core/notices');
    const { ModelCatalog } = await import('../../src/main/core/profiles/modelCatalog');
    const { PickMemory } = await import('../../src/main/core/profiles/startPick');
    const handlers = createProfileHandlers({
      catalog: new ModelCatalog(prefs.store),
      picks: new PickMemory(prefs.store),
      profiles: new ProfileService(prefs.store),
      vault: new SecretVault(keychain),
      env: {},
      notices: new NoticeBoard(),
      fetch: async (url, init) => {
        calls.push({ url, auth: init.headers.Authorization });
        return new Response(JSON.stringify({ data: [] }), { status: 200 });
      },
    });
    const saved = await handlers.saveProfile({
      profile: {
        name: 'home',
        type: 'openai-compatible',
        baseUrl: 'https://home.example/v1',
        headers: [],
        authMethod: 'apiKey',
      },
      apiKey: KEY,
      keyStorage: 'keychain',
    });
    const moved = { ...profileFromView(saved), baseUrl: 'https://elsewhere.example/v1' };
    await handlers.testConnection({ profile: profileFromView(saved) });
    await handlers.testConnection({ profile: moved });
    expect(calls).toEqual([
      { url: 'https://home.example/v1/models', auth: `Bearer ${KEY}` },
      { url: 'https://elsewhere.example/v1/models', auth: undefined },
    ]);
    const after = await handlers.saveProfile({ profile: moved, keyStorage: 'keychain' });
    expect(after.hasKey).toBe(false);
    expect(await keychain.get('home')).toBeNull();
  });
});

describe('corrupt preferences', () => {
  it('moves the file aside, tells the person, and starts from defaults', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'sb-prefs-'));
    writeFileSync(join(configDir, 'config.json'), '{"profiles": [ {"id": "openai", tru');
    const { api, events } = setup({ configDir });
    const notices = await api.getNotices({});
    expect(notices.ok && notices.value[0]?.message).toMatch(
      /could not be read.*default profiles.*kept as .*config\.corrupt-/,
    );
    expect(events).toMatchObject([{ event: 'appNotice' }]); // and emitted, for a renderer already there
    const list = await api.listProfiles({});
    expect(list.ok && list.value.profiles.map((p) => p.id)).toEqual([
      'openai',
      'anthropic',
      'azure',
    ]);
    const files = readdirSync(configDir);
    const aside = files.find((f) => f.startsWith('config.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(configDir, aside!), 'utf8')).toContain('"openai", tru');
  });

  it('sets aside one unreadable profile and keeps the others', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'sb-prefs-'));
    writeFileSync(
      join(configDir, 'config.json'),
      JSON.stringify({
        profiles: [
          { id: 'openai', name: 'openai', type: 'openai' },
          { id: 'broken', name: '', type: 'nope' },
        ],
        defaultProfileId: 'openai',
      }),
    );
    const { api } = setup({ configDir });
    const list = await api.listProfiles({});
    expect(list.ok && list.value.profiles.map((p) => p.id)).toEqual(['openai']);
    const notices = await api.getNotices({});
    expect(notices.ok && notices.value.map((n) => n.message).join()).toMatch(/set aside/);
    expect(
      JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')).unreadableProfiles,
    ).toEqual([{ id: 'broken', name: '', type: 'nope' }]);
  });
});
