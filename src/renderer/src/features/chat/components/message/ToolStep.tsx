import { memo } from 'react';
import type { ToolCallPart, ToolResultPart } from '../../../../../../shared/messageParts';
import { BUILTIN_SEARCH_SERVER, WEB_SEARCH_TOOL } from '../../../../../../shared/searchChannels';
import { shownSearchResults } from '../../../../../../shared/searchResultShown';
import { useTranslation } from '../../../../lib/i18n';
import { SearchResultList } from './SearchResultList';

interface ToolStepProps {
  call: ToolCallPart;
  result: ToolResultPart | undefined;
  /** The answer is still being written: a call without its result is running. */
  streaming: boolean;
}

function prettyArguments(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The step's state: a chat catalogue key (tool.state.*) and its colour. */
function stepState(call: ToolCallPart, result: ToolResultPart | undefined, streaming: boolean) {
  if (call.status === 'denied')
    return { label: 'denied', tone: 'text-amber-700 dark:text-amber-400' };
  if (result?.isError) return { label: 'failed', tone: 'text-red-700 dark:text-red-400' };
  if (result) return { label: 'done', tone: 'text-emerald-700 dark:text-emerald-400' };
  return streaming
    ? { label: 'running', tone: 'text-slate-500' }
    : { label: 'noResult', tone: 'text-slate-500' };
}

/** The built-in web search's pages, when the result is its whole text (else null: shown as is). */
function searchPages(call: ToolCallPart, result: ToolResultPart | undefined) {
  const builtin =
    call.name === WEB_SEARCH_TOOL &&
    (call.serverId ?? BUILTIN_SEARCH_SERVER) === BUILTIN_SEARCH_SERVER;
  if (!builtin || !result || result.isError || result.truncated) return null;
  return shownSearchResults(result.content);
}

/** One tool call and its result: a collapsible step in the answer, folded by default. */
export const ToolStep = memo(function ToolStep({ call, result, streaming }: ToolStepProps) {
  const { t } = useTranslation('chat');
  const state = stepState(call, result, streaming);
  const pages = searchPages(call, result);
  return (
    <details className="tool-step my-2 rounded-md border border-slate-200 text-sm dark:border-slate-700">
      <summary className="cursor-pointer px-3 py-1.5">
        <span className="font-mono">{call.name}</span>{' '}
        <span className={state.tone}>{t(`tool.state.${state.label}`)}</span>
      </summary>
      <div className="space-y-2 border-t border-slate-200 px-3 py-2 dark:border-slate-700">
        <div>
          <div className="text-xs font-semibold caps text-slate-500">{t('tool.arguments')}</div>
          <pre className="whitespace-pre-wrap break-all font-mono text-xs">
            {prettyArguments(call.arguments)}
          </pre>
        </div>
        {result && pages && <SearchResultList shown={pages} text={result.content} />}
        {result && !pages && (
          <div>
            <div className="text-xs font-semibold caps text-slate-500">
              {result.isError ? t('tool.error') : t('tool.result')}
              {result.truncated ? t('tool.truncated') : ''}
            </div>
            <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all font-mono text-xs">
              {result.content}
            </pre>
          </div>
        )}
      </div>
    </details>
  );
});
