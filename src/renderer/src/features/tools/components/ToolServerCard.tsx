import { useState } from 'react';
import { saidText, useTranslation } from '../../../lib/i18n';
import type { ToolServerStatus } from '../../../../../shared/tools';
import type { ToolServerView } from '../../../../../shared/toolChannels';
import { useToolsStore } from '../store/toolsStore';
import { AddToolServerForm } from './AddToolServerForm';
import { ToolServerSignIn } from './ToolServerSignIn';

const stateTone = {
  stopped: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200',
  starting: 'bg-blue-100 text-blue-800 dark:bg-blue-900 dark:text-blue-100',
  ready: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100',
  failed: 'bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-100',
  'needs-sign-in': 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  'signing-in': 'bg-blue-100 text-blue-800 dark:bg-blue-900 dark:text-blue-100',
} as const;

const buttonClass =
  'rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800';

/** One server: its state (and why it failed), its tools, its log, and what can be done to it. */
export function ToolServerCard({ view }: { view: ToolServerView }) {
  const { t } = useTranslation('tools');
  const { config, status } = view;
  const save = useToolsStore((s) => s.save);
  const restart = useToolsStore((s) => s.restart);
  const remove = useToolsStore((s) => s.remove);
  const [editing, setEditing] = useState(false);
  const where =
    config.transport === 'stdio' ? [config.command, ...(config.args ?? [])].join(' ') : config.url;
  return (
    <li
      aria-label={t('server.label', { name: config.name })}
      className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{config.name}</span>
        <span className={`rounded px-1.5 text-xs ${stateTone[status.state]}`}>
          {t(`state.${status.state}`)}
        </span>
        <span className="min-w-0 flex-1 truncate font-mono text-xs text-zinc-500" title={where}>
          {where}
        </span>
        <label className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={config.enabled}
            onChange={(event) =>
              void save({ config: { ...config, enabled: event.target.checked } })
            }
          />
          {t('server.enabled')}
        </label>
        <button type="button" className={buttonClass} onClick={() => void restart(config.id)}>
          {status.state === 'stopped' ? t('server.start') : t('server.restart')}
        </button>
        <ToolServerSignIn view={view} buttonClass={buttonClass} />
        <button
          type="button"
          className={buttonClass}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t('server.edit')}
        </button>
        <button type="button" className={buttonClass} onClick={() => void remove(config.id)}>
          {t('server.remove')}
        </button>
      </div>
      {editing && (
        <div className="mt-2">
          <AddToolServerForm saved={config} onDone={() => setEditing(false)} />
        </div>
      )}
      {status.reason && (
        <pre
          role="status"
          className="mt-2 whitespace-pre-wrap break-all rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {reasonText(status)}
        </pre>
      )}
      <ToolServerSignIn view={view} hint />
      <ServerDetails view={view} />
    </li>
  );
}

/** The server's tools and its log, below its controls. */
function ServerDetails({ view }: { view: ToolServerView }) {
  const { t } = useTranslation('tools');
  const { config, status } = view;
  return (
    <>
      {status.tools.length > 0 && (
        <ul
          aria-label={t('server.toolsOf', { name: config.name })}
          className="mt-2 space-y-0.5 text-xs"
        >
          {status.tools.map((tool) => (
            <li key={tool.name}>
              <span className="font-mono">{tool.toolName}</span>
              <span className="text-zinc-500">
                {' '}
                — {tool.description || t('server.noDescription')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-zinc-500">
          {t('server.log', { count: status.log.length })}
        </summary>
        <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-800">
          {status.log
            .map((line) => `${line.source === 'stderr' ? '!' : '>'} ${line.text}`)
            .join('\n') || t('server.logEmpty')}
        </pre>
      </details>
    </>
  );
}

/** Its first line (ours) in the person's language; the server's stderr below it as it came. */
function reasonText(status: ToolServerStatus): string {
  const reason = status.reason ?? '';
  const newline = reason.indexOf('\n');
  const first = newline < 0 ? reason : reason.slice(0, newline);
  return saidText(status.reasonSaid, first) + (newline < 0 ? '' : reason.slice(newline));
}
