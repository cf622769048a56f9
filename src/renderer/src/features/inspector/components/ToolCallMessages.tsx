import type { ToolCallExchangeView } from '../../../../../shared/exchanges';
import { BUILTIN_SEARCH_SERVER } from '../../../../../shared/searchChannels';
import { useTranslation } from '../../../lib/i18n';

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The MCP JSON-RPC messages of the tool calls a step asked for, in the order they went. */
export function ToolCallMessages({ calls }: { calls: ToolCallExchangeView[] }) {
  const { t } = useTranslation('inspector');
  const { t: ts } = useTranslation('search');
  if (calls.length === 0) return null;
  return (
    <section aria-label={t('mcp.label')} className="mt-6">
      <h3 className="mb-2 text-sm font-semibold">{t('mcp.title')}</h3>
      {calls.map((call) => (
        <details
          key={call.callId}
          open
          className="mb-3 rounded border border-zinc-200 dark:border-zinc-800"
        >
          <summary className="cursor-pointer px-3 py-1 text-xs">
            <strong>{call.tool}</strong> · {t('mcp.count', { count: call.messages.length })}
            {call.serverId === BUILTIN_SEARCH_SERVER && ` · ${ts('inspectorNote')}`}
          </summary>
          {call.messages.length === 0 && (
            <p className="px-3 py-1 text-xs text-zinc-500">{t('mcp.none')}</p>
          )}
          {call.messages.map((message, i) => (
            <div key={i} className="border-t border-zinc-200 px-3 py-1 dark:border-zinc-800">
              <div className="text-xs text-zinc-500">
                {t(message.direction === 'sent' ? 'mcp.sent' : 'mcp.received', {
                  ms: Math.round(message.atMs),
                })}
              </div>
              <pre tabIndex={0} className="overflow-auto text-xs whitespace-pre-wrap">
                {pretty(message.message)}
              </pre>
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}
