import type { CompareFiguresView } from '../../../../../shared/compare';
import { PlainTextBlock } from '../../../components/markdown/PlainTextBlock';
import { StreamingMarkdown } from '../../../components/markdown/StreamingMarkdown';
import { RenderBoundary } from '../../../components/ui/RenderBoundary';

export interface ColumnState {
  title: string;
  text: string;
  figures: CompareFiguresView | null;
}

function ms(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`;
}

function dollars(value: number | null): string {
  if (value === null) return '—';
  return value < 0.01 ? `$${value.toFixed(6)}` : `$${value.toFixed(4)}`;
}

/** One answer of a comparison, streaming in, then its figures and "Continue as conversation". */
export function CompareColumn({
  column,
  onContinue,
}: {
  column: ColumnState;
  onContinue: () => void;
}) {
  const { figures } = column;
  const mark = figures?.usage?.source === 'estimated' ? '~' : '';
  return (
    <article
      aria-label={`Answer from ${column.title}`}
      aria-busy={!figures}
      className="@container flex min-h-0 min-w-0 flex-col rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <h3
        title={column.title}
        className="truncate border-b border-zinc-200 px-3 py-2 text-xs font-semibold dark:border-zinc-800"
      >
        {column.title}
      </h3>
      <div className="markdown-compact min-h-0 flex-1 overflow-auto px-3 py-2 text-sm">
        {column.text ? (
          // The chat's own renderer, so a column reads as the answer will in a conversation.
          <RenderBoundary
            name="An answer's text"
            resetKey={column.text}
            fallback={() => <PlainTextBlock text={column.text} reason="failed" />}
          >
            <StreamingMarkdown text={column.text} streaming={!figures} />
          </RenderBoundary>
        ) : (
          !figures && <span className="text-zinc-500">…</span>
        )}
        {figures?.error && (
          <p role="alert" className="mt-2 text-xs text-red-600">
            {figures.error.message}
          </p>
        )}
      </div>
      {/* Cells wrap onto a second line in a narrow column instead of running into each other. */}
      <dl
        aria-label="Figures"
        className="flex flex-wrap gap-x-4 gap-y-1 border-t border-zinc-200 px-3 py-2 text-[11px] dark:border-zinc-800"
      >
        {[
          ['First token', figures ? ms(figures.ttftMs) : '…'],
          ['Tokens/s', figures?.tokensPerSecond != null ? figures.tokensPerSecond.toFixed(1) : '—'],
          ['In', figures?.usage ? `${mark}${figures.usage.inputTokens}` : '—'],
          ['Out', figures?.usage ? `${mark}${figures.usage.outputTokens}` : '—'],
          ['Cost', figures ? dollars(figures.cost) : '—'],
        ].map(([label, value]) => (
          <div key={label}>
            <dt className="whitespace-nowrap text-zinc-500">{label}</dt>
            <dd className="whitespace-nowrap font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        disabled={!figures || !column.text}
        onClick={onContinue}
        aria-label="Continue as conversation"
        className="m-2 mt-0 rounded-md border border-zinc-300 px-2 py-1 text-xs whitespace-nowrap hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Continue<span className="hidden @[13rem]:inline"> as conversation</span>
      </button>
    </article>
  );
}
