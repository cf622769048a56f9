import { describe, expect, it } from 'vitest';
import { CompareService } from '../../src/main/core/compare/CompareService';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import {
  createProfileResolver,
  ProfileResolveError,
} from '../../src/main/core/profiles/ProfileResolver';
import { ProfileService } from '../../src/main/core/profiles/ProfileService';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { keyAccount, SecretVault } from '../../src/main/core/secrets/SecretVault';
import type { CompareFiguresView } from '../../src/shared/compare';
import { tempStore } from './store/helpers';

const KEY = 'sk-resolver-key-0123456789';

function setUp(env: NodeJS.ProcessEnv = {}) {
  const profiles = new ProfileService(createMemoryPreferences());
  const vault = new SecretVault(createMemoryKeyStore());
  return { profiles, vault, resolver: createProfileResolver({ profiles, vault, env }) };
}

describe('ProfileResolver', () => {
  it('turns an id, or none, into a ready target: URL, key, headers and timeouts', async () => {
    const { profiles, vault, resolver } = setUp();
    profiles.save({
      name: 'work',
      type: 'openai',
      baseUrl: 'https://gw.example/v1',
      headers: [{ name: 'X-Team', value: 'blue' }],
      timeouts: { firstByteSeconds: 5 },
    });
    await vault.set(keyAccount('work'), KEY, 'session');
    profiles.setDefault('work');
    for (const id of ['work', undefined, null]) {
      expect(await resolver.target(id)).toMatchObject({
        apiKey: KEY,
        headers: { 'X-Team': 'blue' },
        profile: {
          id: 'work',
          baseUrl: 'https://gw.example/v1',
          timeouts: { firstByteSeconds: 5 },
        },
      });
    }
    // Empty fields come filled: the provider's usual model.
    expect(resolver.profile('work')).toMatchObject({ defaultModel: 'gpt-4o-mini' });
    expect(resolver.defaultProfile().id).toBe('work');
  });

  it('says clearly when the profile is gone or lacks its key, before anything is sent', async () => {
    const { resolver } = setUp();
    expect(resolver.profile('gone')).toBeNull();
    await expect(resolver.target('gone')).rejects.toMatchObject({
      reason: 'not_found',
      message: 'No profile "gone".',
    });
    const noKey = await resolver.target('anthropic').catch((error: unknown) => error);
    expect(noKey).toBeInstanceOf(ProfileResolveError);
    expect(noKey).toMatchObject({
      reason: 'no_key',
      profileId: 'anthropic',
      message:
        'No API key for this profile ("anthropic"): nothing was sent. Add a key in Settings.',
      said: { code: 'ipc.noKey', params: { name: 'anthropic' } },
    });
  });

  it('lets a keyless local server through and counts a custom auth header as the key', async () => {
    const { profiles, vault, resolver } = setUp();
    profiles.save({ name: 'ollama', type: 'openai-compatible', baseUrl: 'http://127.0.0.1:1/v1' });
    expect(await resolver.target('ollama')).toMatchObject({ apiKey: null });
    profiles.save({ name: 'gw', type: 'anthropic', authHeader: 'X-Gateway-Key' });
    await vault.set(keyAccount('gw'), KEY, 'session');
    expect(await resolver.target('gw')).toMatchObject({
      apiKey: null,
      headers: { 'X-Gateway-Key': KEY },
    });
  });

  it('with every profile deleted, calls go to the environment, as the walking skeleton did', async () => {
    const env = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
    const { profiles, resolver } = setUp(env);
    for (const profile of profiles.list()) profiles.delete(profile.id);
    const fallback = resolver.defaultProfile();
    expect(fallback).toMatchObject({ type: 'openai', baseUrl: 'http://127.0.0.1:9/v1' });
    expect(resolver.profile(fallback.id)).toEqual(fallback);
    expect(await resolver.target()).toMatchObject({ apiKey: KEY, profile: fallback });
    expect(await resolver.target(fallback.id)).toMatchObject({ apiKey: KEY });
  });

  it('a compare column whose profile has no key fails with that reason, and no call is made', async () => {
    const { store } = tempStore();
    const { resolver } = setUp();
    const figures: CompareFiguresView[] = [];
    let calls = 0;
    const compare = new CompareService({
      profiles: resolver,
      emit: (batch) => batch.figures && figures.push(batch.figures),
      store,
      engine: async function* () {
        calls++;
        yield { type: 'text', text: 'sent anyway' };
      },
    });
    compare.start({ prompt: 'Hi', lanes: [{ profileId: 'anthropic', model: 'm' }], stream: true });
    await compare.idle();
    expect(calls).toBe(0);
    expect(figures[0]?.error?.message).toMatch(/^No API key for this profile \("anthropic"\)/);
    // The column shows it in the person's language: the code travels with the English.
    expect(figures[0]?.error?.said).toEqual({ code: 'ipc.noKey', params: { name: 'anthropic' } });
    store.close();
  });
});
