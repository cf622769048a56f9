import type { SetupCandidate } from '../../../../../shared/profiles';
import { providerKinds } from '../../../../../shared/providerKinds';

interface RowProps {
  candidate: SetupCandidate;
  /** The profile's name once imported. */
  importedAs: string | undefined;
  error: string | undefined;
  onImport(): void;
}

/** One key or local server found: what it is (the key only as a hint), and its Import button. */
function CandidateRow({ candidate, importedAs, error, onImport }: RowProps) {
  return (
    <li className="flex items-center gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{candidate.title}</p>
        <p className="truncate text-xs text-zinc-500">
          {providerKinds[candidate.type].label}
          {candidate.hint && ` · key …${candidate.hint}`}
          {candidate.baseUrl && ` · ${candidate.baseUrl}`}
          {candidate.models.length > 0 &&
            ` · ${candidate.models.slice(0, 3).join(', ')}${candidate.models.length > 3 ? '…' : ''}`}
        </p>
        {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
      </div>
      {importedAs ? (
        <span className="text-sm text-emerald-700 dark:text-emerald-400">
          Imported as {importedAs}
        </span>
      ) : (
        <button
          type="button"
          aria-label={`Import ${candidate.title}`}
          onClick={onImport}
          className="rounded-md bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-500"
        >
          Import
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
  return (
    <ul
      aria-label="Found providers"
      aria-busy={scanning}
      className="mt-6 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {candidates === null || (scanning && candidates.length === 0) ? (
        <li className="px-4 py-3 text-sm text-zinc-500">Looking for keys and local servers…</li>
      ) : candidates.length === 0 ? (
        <li className="px-4 py-3 text-sm text-zinc-500">
          No keys in the environment and no local server on the usual ports (Ollama 11434, LM Studio
          1234). Pick a .env file, or add a profile in Settings.
        </li>
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
