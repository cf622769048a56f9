import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  formToRequest,
} from '../../../src/renderer/src/features/settings/components/profileForm';

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
