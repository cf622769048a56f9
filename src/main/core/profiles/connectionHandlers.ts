import type { IpcHandlers } from '../../../shared/ipc';
import { profileSchema } from '../../../shared/profiles';
import { HandlerError } from '../../../shared/result';
import { probeConnection } from './connectionProbe';
import { ProfileValidationErrorAsHandler } from './fieldErrors';
import type { ProfileHandlerDeps } from './profileHandlers';
import { profileView } from './profileView';
import { destinationOf, resolveProfileTarget } from './resolveTarget';
import { spoken } from '../../../shared/said';

type ConnectionHandlers = Pick<IpcHandlers, 'refreshModels' | 'testConnection'>;

/**
 * The channels that call a profile's server: listing its models and the connection test (saved
 * profile or unsaved draft). What a server lists is kept in the catalog for the model picker.
 */
export function createConnectionHandlers(
  deps: Omit<ProfileHandlerDeps, 'picks'>,
): ConnectionHandlers {
  const { profiles, env, catalog } = deps;
  const probeOptions = deps.fetch ? { fetch: deps.fetch } : {};
  return {
    async refreshModels({ id }) {
      const profile = profiles.find(id);
      if (!profile) throw new HandlerError('not_found', spoken('ipc.noProfile', { id }));
      try {
        const report = await probeConnection(
          await resolveProfileTarget(deps, profile),
          probeOptions,
        );
        if (report.ok || report.models.length > 0) catalog.storeListed(profile.id, report.models);
        else catalog.storeError(profile.id, report.message);
      } catch (error) {
        catalog.storeError(profile.id, error instanceof Error ? error.message : 'Listing failed.');
      }
      return profileView(profile, profiles.defaultId(), deps);
    },

    async testConnection(request) {
      // A draft may be unsaved: validate it as a profile without storing anything.
      const parsed = profileSchema.safeParse({
        ...request.profile,
        id: request.profile.id ?? 'draft',
      });
      if (!parsed.success) {
        throw new ProfileValidationErrorAsHandler(
          parsed.error.issues.map((i) => ({
            path: ['profile', ...i.path.map(String)].join('.'),
            message: i.message,
          })),
        );
      }
      try {
        const saved = request.profile.id ? profiles.find(request.profile.id) : undefined;
        const target = await resolveProfileTarget(deps, parsed.data, {
          apiKey: request.apiKey,
          headerSecrets: request.headerSecrets,
          // Stored secrets are used only for the saved profile's own server, never for a new URL.
          storedSecrets:
            saved !== undefined && destinationOf(saved, env) === destinationOf(parsed.data, env),
        });
        // The test proves the wire API chats use too; a refresh only lists the models.
        const report = await probeConnection(target, { ...probeOptions, checkApi: true });
        // The saved profile's own server listed its models: the picker offers them from now on.
        if (
          saved &&
          report.models.length > 0 &&
          destinationOf(saved, env) === destinationOf(parsed.data, env)
        )
          catalog.storeListed(saved.id, report.models);
        return report;
      } catch (error) {
        // Entra ID sign-in failures land here: they are the auth step.
        const detail = error instanceof Error ? error.message.slice(0, 300) : String(error);
        return {
          ok: false,
          step: 'auth',
          // The SDK's or the Azure CLI's own words, quoted inside ours.
          ...spoken('entra.signInFailed', { detail }),
          url: '',
          method: 'POST',
          status: null,
          durationMs: 0,
          models: [],
        };
      }
    },
  };
}
