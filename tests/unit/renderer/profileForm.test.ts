import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  formFromView,
  formToRequest,
} from '../../../src/renderer/src/features/settings/components/profileForm';
import { providerTypes, type ProfileView } from '../../../src/shared/profiles';
import { providerKinds } from '../../../src/shared/providerKinds';

describe('the profile form’s "API" field', () => {
  it.each(providerTypes)('%s: sent only where the form shows it, and only when chosen', (type) => {
    const chosen = formToRequest({ ...emptyForm(type), name: 'x', api: 'responses' });
    expect(chosen.profile.api).toBe(providerKinds[type].wireApiChoice ? 'responses' : undefined);
    // Automatic: nothing stored, so the server's URL decides (wireApiFor).
    expect(formToRequest({ ...emptyForm(type), name: 'x' }).profile.api).toBeUndefined();
  });

  it('shows a saved profile’s choice, and Automatic when it has none', () => {
    const view = {
      id: 'work',
      name: 'Work',
      type: 'openai',
      headers: [],
      authMethod: 'apiKey',
      api: 'chat',
      secretHeadersSet: [],
    } as unknown as ProfileView;
    expect(formFromView(view).api).toBe('chat');
    expect(formFromView({ ...view, api: undefined } as ProfileView).api).toBe('');
  });
});

describe('the profile form: prompt caching', () => {
  it('starts on, stores false only when turned off, and only for a type that has the switch', () => {
    const anthropic = { ...emptyForm('anthropic'), name: 'Claude' };
    expect(anthropic.promptCaching).toBe(true);
    expect(formToRequest(anthropic).profile.promptCaching).toBeUndefined();
    const off = formToRequest({ ...anthropic, promptCaching: false });
    expect(off.profile.promptCaching).toBe(false);
    // A type without breakpoints never stores the switch, whatever the form held.
    const openai = { ...emptyForm('openai'), name: 'GPT', promptCaching: false };
    expect(formToRequest(openai).profile.promptCaching).toBeUndefined();
  });
});
