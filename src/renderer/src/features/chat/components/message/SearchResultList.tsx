import { useState } from 'react';
import type { ShownSearchResults } from '../../../../../../shared/searchResultShown';
import { useTranslation } from '../../../../lib/i18n';

/**
 * The built-in web search's pages in the tool step, in the person's language: a heading, the
 * pages numbered as the answer cites them ([1]), and the text the model read, folded, as it was.
 */
export function SearchResultList({ shown, text }: { shown: ShownSearchResults; text: string }) {
  const { t } = useTranslation('chat');
  const { label, query, hits } = shown;
  // A button, not a nested <details>: the step's own <summary> stays the one toggle inside it.
  const [raw, setRaw] = useState(false);
  return (
    <div className="space-y-1">
      {/* No capitals here: the heading holds the person's own query. */}
      <div className="text-xs font-semibold text-slate-500">
        {hits.length === 0
          ? t('tool.search.none', { label, query })
          : t('tool.search.heading', { count: hits.length, label, query })}
      </div>
      {hits.length > 0 && (
        <ol className="space-y-1.5">
          {hits.map((hit, index) => (
            <li key={index} className="flex gap-2">
              <span className="shrink-0 font-mono text-xs text-slate-500">[{index + 1}]</span>
              <div className="min-w-0">
                <div className="font-medium">{hit.title}</div>
                <div className="break-all font-mono text-xs text-slate-500">{hit.url}</div>
                {hit.snippet && (
                  <div className="line-clamp-2 text-xs text-slate-600 dark:text-slate-400">
                    {hit.snippet}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        aria-expanded={raw}
        onClick={() => setRaw(!raw)}
        className="text-xs text-slate-500 hover:underline"
      >
        {raw ? '▾' : '▸'} {t('tool.search.asRead')}
      </button>
      {/* Hidden, not absent: what the model read stays in the step as it was. */}
      <pre
        hidden={!raw}
        className="max-h-64 overflow-auto whitespace-pre-wrap break-all font-mono text-xs"
      >
        {text}
      </pre>
    </div>
  );
}
