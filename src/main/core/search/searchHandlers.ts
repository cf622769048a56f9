import type { IpcHandlers } from '../../../shared/ipc';
import type { searchChannels } from '../../../shared/searchChannels';
import { HandlerError } from '../../../shared/result';
import { saidOf, spoken } from '../../../shared/said';
import { KeyStoreUnavailableError } from '../secrets/KeyStore';
import { SearchSettingsError, type SearchService } from './SearchService';

type SearchHandlers = Pick<IpcHandlers, keyof typeof searchChannels>;

/** Settings › Web search: its settings, its key (in, never out) and its test. */
export function createSearchHandlers(search: SearchService): SearchHandlers {
  return {
    getSearchSettings: async () => search.snapshot(),
    saveSearchSettings: async ({ settings, key }) => {
      try {
        return await search.save(settings, key);
      } catch (error) {
        if (error instanceof SearchSettingsError)
          throw new HandlerError('invalid_request', { message: error.message, said: error.said }, [
            { path: 'settings.searxngUrl', message: error.message },
          ]);
        if (error instanceof KeyStoreUnavailableError)
          throw new HandlerError(
            'unavailable',
            spoken('search.keyNotSaved', { reason: saidOf(error) }),
          );
        throw error;
      }
    },
    testSearch: async ({ query }) => search.test(query),
  };
}
