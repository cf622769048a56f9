import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  formFromView,
  formToRequest,
  placeErrors,
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

describe('the profile form: where main’s refusal is shown', () => {
  it('puts each issue at its field, and says nothing more when every issue has one', () => {
    const placed = placeErrors({
      code: 'invalid_request',
      message: 'The profile is not valid.',
      issues: [
        { path: 'profile.baseUrl', message: 'Not a URL' },
        { path: 'profile.headers.1.name', message: 'Bad header name' },
        { path: 'profile.baseUrl', message: 'A second complaint' },
      ],
    });
    expect(placed.errors).toEqual({ baseUrl: 'Not a URL', 'header-1': 'Bad header name' });
    expect(placed.formError).toBeNull();
  });

  it('says an issue without a field at the form, with the message, and keeps the placed ones', () => {
    const placed = placeErrors({
      code: 'invalid_request',
      message: 'The profile is not valid.',
      issues: [
        { path: 'profile.name', message: 'Required' },
        { path: 'profile.somethingNew', message: 'Unknown field' },
      ],
    });
    expect(placed.errors).toEqual({ name: 'Required' });
    expect(placed.formError).toBe('The profile is not valid. Unknown field');
  });

  it('puts an unreachable keychain at the API key, and a plain failure at the form', () => {
    const keychain = placeErrors({ code: 'unavailable', message: 'No keychain is reachable.' });
    expect(keychain).toEqual({ errors: { apiKey: 'No keychain is reachable.' }, formError: null });
    const plain = placeErrors({ code: 'internal', message: 'Disk full' });
    expect(plain).toEqual({ errors: {}, formError: 'Disk full' });
  });
});
