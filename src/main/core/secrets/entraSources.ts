import type { Profile } from '../../../shared/profiles';
import {
  createAzureCredential,
  createEntraTokenSource,
  type DeviceCodePrompt,
  type EntraTokenSource,
} from './entraTokenSource';

/**
 * One Microsoft Entra token source per Azure profile, so a token is reused until shortly before
 * it expires instead of being fetched for every call. A device-code sign-in's instructions go to
 * `onDeviceCode` (the app shows them as a notice).
 */
export function entraSourcePerProfile(
  onDeviceCode: (prompt: DeviceCodePrompt) => void,
): (profile: Profile) => EntraTokenSource {
  const sources = new Map<string, EntraTokenSource>();
  return (profile) => {
    let source = sources.get(profile.id);
    if (!source) {
      source = createEntraTokenSource(() => createAzureCredential({ onDeviceCode }));
      sources.set(profile.id, source);
    }
    return source;
  };
}
