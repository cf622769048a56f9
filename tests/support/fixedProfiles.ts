import {
  ProfileResolveError,
  type ProfileResolver,
} from '../../src/main/core/profiles/ProfileResolver';
import { spoken } from '../../src/shared/said';
import type { ProviderProfile, ProviderTarget } from '../../src/main/core/providers/types';

/**
 * A resolver over fixed targets, for tests and benchmarks that build ChatService or
 * CompareService without stored profiles: the first one is the default; an unknown id is
 * refused as the real resolver refuses it.
 */
export function fixedProfiles(targets: ProviderTarget[]): ProfileResolver {
  const find = (id: string) => targets.find((t) => t.profile.id === id);
  const first = targets[0];
  if (!first) throw new Error('fixedProfiles needs at least one target');
  return {
    profile: (id): ProviderProfile | null => find(id)?.profile ?? null,
    defaultProfile: () => first.profile,
    async target(id) {
      const found = id ? find(id) : first;
      if (!found)
        throw new ProfileResolveError(
          'not_found',
          spoken('ipc.noProfile', { id: id ?? '' }),
          id ?? null,
        );
      return found;
    },
  };
}
