import type { SetupCandidate } from '../../../../../shared/profiles';
import { providerKinds } from '../../../../../shared/providerKinds';
import { saidText, useTranslation } from '../../../lib/i18n';

interface RowProps {
  candidate: SetupCandidate;
  /** The profile's name once imported. */
  importedAs: string | undefined;
  error: string | undefined;
  onImport(): void;
}

/** One key or local server found: what it is (the key only as a hint), and its Import button. */
function CandidateRow({ candidate, importedAs, error, onImport }: RowProps) {
  const { t } = useTranslation('settings');
  const title = saidText(candidate.titleSaid, candidate.title);
  return (
    <li className="flex items-center gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{title}</p>
        <p className="truncate text-xs text-zinc-500">
          {providerKinds[candidate.type].label}
          {candidate.hint && ` · ${t('nav.keyHint', { hint: candidate.hint })}`}
          {candidate.baseUrl && ` · ${candidate.baseUrl}`}
          {candidate.models.length > 0 &&
            ` · ${candidate.models.slice(0, 3).join(', ')}${candidate.models.length > 3 ? '…' : ''}`}
        </p>
        {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
      </div>
      {importedAs ? (
        <span className="text-sm text-emerald-700 dark:text-emerald-400">
          {t('setup.importedAs', { name: importedAs })}
        </span>
      ) : (
        <button
          type="button"
          aria-label={t('setup.importLabel', { name: title })}
          onClick={onImport}
          className="rounded-md bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-500"
        >
          {t('setup.import')}
        </button>
      )}
    </li>
  );
}

interface ListProps {
  candidates: SetupCandidate[] | null;
  scanning: boolean;
  imported: Record<string, string>;
  errors: Record<string, string>;
  onImport(candidate: SetupCandidate): void;
}

/** What the scan found, or that it is still looking, or that it found nothing. */
export function SetupCandidates({ candidates, scanning, imported, errors, onImport }: ListProps) {
  const { t } = useTranslation('settings');
  return (
    <ul
      aria-label={t('setup.found')}
      aria-busy={scanning}
      className="mt-6 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {candidates === null || (scanning && candidates.length === 0) ? (
        <li className="px-4 py-3 text-sm text-zinc-500">{t('setup.looking')}</li>
      ) : candidates.length === 0 ? (
        <li className="px-4 py-3 text-sm text-zinc-500">{t('setup.nothing')}</li>
      ) : (
        candidates.map((candidate) => (
          <CandidateRow
            key={candidate.id}
            candidate={candidate}
            importedAs={imported[candidate.id]}
            error={errors[candidate.id]}
            onImport={() => onImport(candidate)}
          />
        ))
      )}
    </ul>
  );
}
