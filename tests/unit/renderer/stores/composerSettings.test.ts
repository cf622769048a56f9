import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import { noProfiles, stored, thread } from './chatFixtures';
import type * as ComposerSettings from '../../../../src/renderer/src/features/chat/store/composerSettings';
import type * as ChatStore from '../../../../src/renderer/src/features/chat/store/chatStore';
import type * as SettingsStore from '../../../../src/renderer/src/features/settings/store/settingsStore';

const features = '../../../../src/renderer/src/features';
let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  fake.answer('listProfiles', () => ok(noProfiles));
  return {
    ...((await import(`${features}/chat/store/composerSettings`)) as typeof ComposerSettings),
    ...((await import(`${features}/chat/store/chatStore`)) as typeof ChatStore),
    ...((await import(`${features}/settings/store/settingsStore`)) as typeof SettingsStore),
  };
}

describe('composer settings', () => {
  it('sends exactly what the panel shows: blanks are the provider default', async () => {
    const { useComposerSettings, sendOptions } = await page();
    useComposerSettings.setState({
      profileId: 'p1',
      model: 'm',
      systemPrompt: '  ',
      temperature: 0.2,
    });
    expect(sendOptions(useComposerSettings.getState())).toEqual({
      profileId: 'p1',
      settings: { model: 'm', systemPrompt: null, parameters: { temperature: 0.2 } },
    });
    useComposerSettings.getState().setValues({ stream: false, maxTokens: 50 });
    expect(sendOptions(useComposerSettings.getState()).settings?.parameters).toEqual({
      temperature: 0.2,
      maxTokens: 50,
      stream: false,
    });
    // The reasoning effort goes with the parameters; Default (null) sends none.
    useComposerSettings.getState().setValues({ reasoningEffort: 'high' });
    expect(sendOptions(useComposerSettings.getState()).settings?.parameters).toMatchObject({
      reasoningEffort: 'high',
    });
    useComposerSettings.getState().setValues({ reasoningEffort: null });
    expect(sendOptions(useComposerSettings.getState()).settings?.parameters).not.toHaveProperty(
      'reasoningEffort',
    );
    // A new chat keeps its changes until its first send: nothing was written to main.
    expect(fake.calls('updateConversationSettings')).toHaveLength(0);
  });

  it('keeps each change of an open conversation at once, and says so when main refuses', async () => {
    const { useComposerSettings, useChatStore, useSettingsStore } = await page();
    fake.answer('getConversation', ({ conversationId }) =>
      ok(thread(conversationId, [stored('u', 'user', 'Q')])),
    );
    await useChatStore.getState().openConversation('c1');
    expect(useComposerSettings.getState()).toMatchObject({ profileId: 'p1', model: 'm' });
    fake.answer('updateConversationSettings', () => ok({} as never));
    useComposerSettings.getState().setValues({ temperature: 1 });
    expect(fake.calls('updateConversationSettings')[0]).toMatchObject({
      conversationId: 'c1',
      parameters: { temperature: 1 },
    });
    fake.answer('updateConversationSettings', () => failed('The history is read-only'));
    useComposerSettings.getState().setValues({ temperature: 0.5 });
    await vi.waitFor(() =>
      expect(useSettingsStore.getState().notices.at(-1)?.message).toBe(
        'The chat settings were not saved: The history is read-only',
      ),
    );
  });

  it('starts a new chat from the start pick with every parameter cleared', async () => {
    const { useComposerSettings, useChatStore, useSettingsStore } = await page();
    useSettingsStore.setState({
      snapshot: { ...noProfiles, startPick: { profileId: 'p9', model: 'fast' } },
    });
    useComposerSettings.setState({ temperature: 1.5, systemPrompt: 'Be brief', picked: true });
    useChatStore.getState().newConversation();
    expect(useComposerSettings.getState()).toMatchObject({
      profileId: 'p9',
      model: 'fast',
      temperature: null,
      systemPrompt: '',
      picked: false,
    });
  });
});
