import { useEffect, useState, type ChangeEvent } from 'react';
import type { SetupCandidate } from '../../../../../shared/profiles';
import { useSettingsStore } from '../store/settingsStore';
import { SetupCandidates } from './SetupCandidates';
import { ipcErrorText, saidText, useTranslation } from '../../../lib/i18n';

/** Imports found candidates one by one, remembering each one's profile name or failure. */
function useCandidateImports(sessionOnly: boolean) {
  const importCandidate = useSettingsStore((s) => s.importCandidate);
  const [imported, setImported] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const importOne = async (candidate: SetupCandidate) => {
    const result = await importCandidate({
      candidateId: candidate.id,
      keyStorage: sessionOnly ? 'session' : 'keychain',
    });
    if (!result.ok) {
      setErrors((e) => ({ ...e, [candidate.id]: ipcErrorText(result.error) }));
      return;
    }
    setImported((i) => ({ ...i, [candidate.id]: result.value.name }));
  };
  return { imported, errors, importOne };
}

/** Scan a .env file or the environment again, or leave for the chat. */
function FirstRunActions() {
  const { scanning, scan, closeFirstRun, notify } = useSettingsStore();
  const { t } = useTranslation('settings');

  const pickEnvFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 256 * 1024) return notify(t('firstRun.envTooLarge'), 'warning');
    await scan(await file.text());
  };

  return (
    <div className="mt-4 flex flex-wrap items-center gap-2">
      <label className="cursor-pointer rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        {t('firstRun.scanEnvFile')}
        <input
          type="file"
          accept=".env,text/plain"
          className="sr-only"
          onChange={(e) => void pickEnvFile(e)}
        />
      </label>
      <button
        type="button"
        onClick={() => void scan()}
        disabled={scanning}
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t('firstRun.scanAgain')}
      </button>
      <span className="flex-1" />
      <button
        type="button"
        onClick={() => void closeFirstRun()}
        className="rounded-md bg-zinc-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {t('firstRun.start')}
      </button>
    </div>
  );
}

/**
 * Shown instead of an empty chat on first run: the keys and local servers found, each imported
 * with one click (its key goes from main straight into the keychain; this page sees only a hint).
 */
export function FirstRun() {
  const { candidates, scanning, scan, snapshot } = useSettingsStore();
  const [sessionOnly, setSessionOnly] = useState(false);
  const { t } = useTranslation('settings');
  const { imported, errors, importOne } = useCandidateImports(sessionOnly);
  const keychainDown = snapshot ? !snapshot.keychain.available : false;

  useEffect(() => {
    void scan();
  }, [scan]);

  return (
    <section aria-labelledby="first-run-title" className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-2xl px-4 py-10">
        <h2 id="first-run-title" className="text-xl font-semibold tracking-tight">
          {t('firstRun.title')}
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('firstRun.intro')}</p>

        {keychainDown && (
          <div
            role="alert"
            className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            {snapshot && saidText(snapshot.keychain.said, snapshot.keychain.message ?? '')}
            <label className="mt-1 flex items-center gap-2 font-medium">
              <input
                type="checkbox"
                checked={sessionOnly}
                onChange={(e) => setSessionOnly(e.target.checked)}
              />
              {t('firstRun.sessionOnly')}
            </label>
          </div>
        )}

        <SetupCandidates
          candidates={candidates}
          scanning={scanning}
          imported={imported}
          errors={errors}
          onImport={(candidate) => void importOne(candidate)}
        />
        <FirstRunActions />
      </div>
    </section>
  );
}
