import { Trans, useTranslation } from '../../../lib/i18n';
import { useToolsStore } from '../store/toolsStore';

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The tool calls of one answer that wait for the person: tool, server, arguments, and the choice. */
export function ToolApprovalCards({ messageId }: { messageId: string }) {
  const { t } = useTranslation('tools');
  const approvals = useToolsStore((s) => s.approvals);
  const answer = useToolsStore((s) => s.answer);
  const mine = approvals.filter((item) => item.messageId === messageId);
  if (mine.length === 0) return null;
  return (
    <>
      {mine.map((item) => (
        <section
          key={item.approvalId}
          role="group"
          aria-label={t('approval.label', { name: item.tool.name })}
          className="my-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          <p className="font-medium">
            <Trans
              t={t}
              i18nKey="approval.question"
              values={{ tool: item.tool.toolName, server: item.serverName }}
              components={{ code: <span className="font-mono" /> }}
            />
          </p>
          {item.tool.description && (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{item.tool.description}</p>
          )}
          <pre className="my-2 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-xs dark:bg-zinc-900">
            {pretty(item.arguments)}
          </pre>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="rounded bg-blue-600 px-3 py-1 text-white hover:bg-blue-700"
              onClick={() => void answer(item.approvalId, 'once')}
            >
              {t('approval.once')}
            </button>
            <button
              type="button"
              className="rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
              onClick={() => void answer(item.approvalId, 'always')}
            >
              {t('approval.always')}
            </button>
            <button
              type="button"
              className="rounded border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
              onClick={() => void answer(item.approvalId, 'deny')}
            >
              {t('approval.deny')}
            </button>
          </div>
        </section>
      ))}
    </>
  );
}
