import { useEffect, useState } from 'react';
import { useToolsStore } from '../store/toolsStore';
import { AddToolServerForm } from './AddToolServerForm';
import { ToolServerCard } from './ToolServerCard';
import { useTranslation } from '../../../lib/i18n';

/** A code example, the same in every language. */
const importExample = '{ "mcpServers": { "files": { "command": "npx", "args": ["-y", "…"] } } }';

/** Pastes the `mcpServers` JSON of Claude Desktop or Cursor; its values go to the keychain. */
function ImportServers() {
  const { t } = useTranslation('tools');
  const importJson = useToolsStore((s) => s.importJson);
  const [json, setJson] = useState('');
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">{t('pane.importTitle')}</summary>
      <textarea
        aria-label={t('pane.importLabel')}
        rows={5}
        value={json}
        onChange={(e) => setJson(e.target.value)}
        className="mt-2 w-full rounded border border-zinc-300 p-2 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800"
        placeholder={importExample}
      />
      <button
        type="button"
        className="mt-1 rounded border border-zinc-300 px-3 py-1 text-xs dark:border-zinc-600"
        onClick={() => void importJson(json).then((ok) => ok && setJson(''))}
      >
        {t('pane.import')}
      </button>
    </details>
  );
}

/** Settings › Tools: the MCP servers, their state and tools, how many steps an answer may take. */
export function ToolsPane() {
  const { t } = useTranslation('tools');
  const snapshot = useToolsStore((s) => s.snapshot);
  const error = useToolsStore((s) => s.error);
  const load = useToolsStore((s) => s.load);
  const setSettings = useToolsStore((s) => s.setSettings);
  useEffect(() => void load(), [load]);
  if (!snapshot) return <p className="text-sm text-zinc-500">{t('pane.loading')}</p>;
  const { settings } = snapshot;
  return (
    <div className="flex flex-col gap-4 pb-6 text-sm">
      <p className="text-xs text-zinc-500">{t('pane.intro')}</p>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={settings.startAtLaunch}
            onChange={(e) => void setSettings({ ...settings, startAtLaunch: e.target.checked })}
          />
          {t('pane.startAtLaunch')}
        </label>
        <label className="flex items-center gap-1.5">
          {t('pane.stepLimit')}
          <input
            type="number"
            min={1}
            max={50}
            value={settings.maxSteps}
            className="w-16 rounded border border-zinc-300 px-1 dark:border-zinc-600 dark:bg-zinc-800"
            onChange={(e) =>
              void setSettings({
                ...settings,
                maxSteps: Math.min(50, Math.max(1, Number(e.target.value) || 1)),
              })
            }
          />
        </label>
        <label className="flex items-center gap-1.5">
          {t('pane.resultLimit')}
          <input
            type="number"
            min={1}
            max={1000}
            value={Math.round(settings.maxResultChars / 1000)}
            className="w-20 rounded border border-zinc-300 px-1 dark:border-zinc-600 dark:bg-zinc-800"
            onChange={(e) =>
              void setSettings({
                ...settings,
                // In thousands, so typing a number never lands below the 1,000-character floor.
                maxResultChars: Math.min(1000, Math.max(1, Number(e.target.value) || 1)) * 1000,
              })
            }
          />
          {t('pane.thousandChars')}
        </label>
      </div>
      <ul aria-label={t('pane.servers')} className="flex flex-col gap-2">
        {snapshot.servers.map((view) => (
          <ToolServerCard key={view.config.id} view={view} />
        ))}
        {snapshot.servers.length === 0 && <li className="text-zinc-500">{t('pane.noServers')}</li>}
      </ul>
      <AddToolServerForm />
      <ImportServers />
    </div>
  );
}
