import { useEffect, useState } from 'react';
import {
  searchProviders,
  type SearchSettings,
  type SearchSnapshot,
} from '../../../../../shared/searchChannels';
import { saidText, useTranslation } from '../../../lib/i18n';
import { useSearchSettings } from '../store/searchSettingsStore';

/** An instance address as people write it, the same in every language. */
const searxngExample = 'https://searx.example.org';
const inputClass =
  'w-full rounded border border-zinc-300 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-800';

interface Draft {
  settings: SearchSettings;
  /** A new key typed for the chosen keyed provider ('' keeps the saved one). */
  key: string;
}

function ProviderFields({
  draft,
  onChange,
  snapshot,
}: {
  draft: Draft;
  onChange(draft: Draft): void;
  snapshot: SearchSnapshot;
}) {
  const { t } = useTranslation('search');
  const { provider } = draft.settings;
  if (provider === 'searxng')
    return (
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t('searxngUrl')}</span>
        <input
          type="url"
          className={inputClass}
          placeholder={searxngExample}
          value={draft.settings.searxngUrl}
          onChange={(e) =>
            onChange({ ...draft, settings: { ...draft.settings, searxngUrl: e.target.value } })
          }
        />
        <span className="text-xs text-zinc-500">{t('searxngHint')}</span>
      </label>
    );
  if (provider === 'none') return null;
  return (
    <label className="flex flex-col gap-1">
      <span className="font-medium">{t('key')}</span>
      <input
        type="password"
        autoComplete="off"
        className={inputClass}
        placeholder={t('keyPlaceholder')}
        value={draft.key}
        onChange={(e) => onChange({ ...draft, key: e.target.value })}
      />
      <span className="text-xs text-zinc-500">
        {snapshot.hasKey[provider] ? t('keySaved') : t('keyNone')}
      </span>
    </label>
  );
}

function Checkbox(props: { checked: boolean; label: string; onChange(checked: boolean): void }) {
  return (
    <label className="flex items-center gap-1.5">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

function OptionFields({ draft, onChange }: { draft: Draft; onChange(draft: Draft): void }) {
  const { t } = useTranslation('search');
  const set = (change: Partial<SearchSettings>) =>
    onChange({ ...draft, settings: { ...draft.settings, ...change } });
  return (
    <>
      <label className="flex items-center gap-1.5">
        {t('maxResults')}
        <input
          type="number"
          min={1}
          max={20}
          value={draft.settings.maxResults}
          className="w-16 rounded border border-zinc-300 px-1 dark:border-zinc-600 dark:bg-zinc-800"
          onChange={(e) =>
            set({ maxResults: Math.min(20, Math.max(1, Number(e.target.value) || 1)) })
          }
        />
      </label>
      <Checkbox
        checked={draft.settings.preferOverNative}
        label={t('preferOverNative')}
        onChange={(preferOverNative) => set({ preferOverNative })}
      />
      <p className="text-xs text-zinc-500">{t('approval')}</p>
      <Checkbox
        checked={draft.settings.askFirst}
        label={t('askFirst')}
        onChange={(askFirst) => set({ askFirst })}
      />
    </>
  );
}

/** Save and Test, with what the last test found (a count, or why not). */
function PaneFooter({ draft, onSaved }: { draft: Draft; onSaved(): void }) {
  const { t } = useTranslation('search');
  const { save, runTest, test, testing, error } = useSearchSettings();
  const [saved, setSaved] = useState(false);
  const { provider } = draft.settings;
  const request = {
    settings: draft.settings,
    ...(draft.key && provider !== 'none' && provider !== 'searxng'
      ? { key: { provider, value: draft.key } }
      : {}),
  };
  const saveDraft = async () => {
    const ok = await save(request);
    setSaved(ok);
    if (ok) onSaved();
    return ok;
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <button
          type="button"
          className="rounded bg-blue-600 px-3 py-1 text-white"
          onClick={() => void saveDraft()}
        >
          {t('save')}
        </button>
        <button
          type="button"
          disabled={provider === 'none' || testing}
          className="rounded border border-zinc-300 px-3 py-1 disabled:opacity-50 dark:border-zinc-600"
          onClick={() => void saveDraft().then(async (ok) => ok && (await runTest()))}
        >
          {testing ? t('testing') : t('test')}
        </button>
        {saved && !test && !error && <span className="text-xs text-zinc-500">{t('saved')}</span>}
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      {test && (
        <p role="status" className={test.ok ? 'text-xs text-emerald-700' : 'text-xs text-red-700'}>
          {saidText(test.said, test.message)}
        </p>
      )}
    </div>
  );
}

/** Settings › Web search: the search provider behind the built-in web_search tool. */
export function WebSearchPane() {
  const { t } = useTranslation('search');
  const snapshot = useSearchSettings((s) => s.snapshot);
  const load = useSearchSettings((s) => s.load);
  useEffect(() => void load(), [load]);
  if (!snapshot) return <p className="text-sm text-zinc-500">{t('loading')}</p>;
  return <SearchForm snapshot={snapshot} />;
}

/** The form, started from what main saved (the pane mounts it once that has loaded). */
function SearchForm({ snapshot }: { snapshot: SearchSnapshot }) {
  const { t } = useTranslation('search');
  const [draft, setDraft] = useState<Draft>(() => ({ settings: snapshot.settings, key: '' }));
  return (
    <div className="flex max-w-xl flex-col gap-4 pb-6 text-sm">
      <p className="text-xs text-zinc-500">{t('intro')}</p>
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t('provider')}</span>
        <select
          className={inputClass}
          value={draft.settings.provider}
          onChange={(e) =>
            setDraft({
              key: '',
              settings: {
                ...draft.settings,
                provider: e.target.value as SearchSettings['provider'],
              },
            })
          }
        >
          {(['none', ...searchProviders] as const).map((p) => (
            <option key={p} value={p}>
              {t(`providers.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <ProviderFields draft={draft} onChange={setDraft} snapshot={snapshot} />
      <OptionFields draft={draft} onChange={setDraft} />
      <PaneFooter draft={draft} onSaved={() => setDraft({ ...draft, key: '' })} />
    </div>
  );
}
