import type { CompareFiguresView } from '../../../../../shared/compare';
import { PlainTextBlock } from '../../../components/markdown/PlainTextBlock';
import { StreamingMarkdown } from '../../../components/markdown/StreamingMarkdown';
import { RenderBoundary } from '../../../components/ui/RenderBoundary';
import {
  formatNumber,
  formatUsd,
  ipcErrorText,
  type TFunction,
  useTranslation,
} from '../../../lib/i18n';

export interface ColumnState {
  title: string;
  text: string;
  figures: CompareFiguresView | null;
}

function ms(t: TFunction, value: number | null): string {
  return value === null ? '—' : t('ms', { ms: formatNumber(Math.round(value)) });
}

/** A single answer costs fractions of a cent: more digits than a total would show. */
function dollars(value: number | null): string {
  if (value === null) return '—';
  return formatUsd(value, value < 0.01 ? 6 : 4);
}

/** The figures under an answer: label and value, "—" where nothing is known. */
function figureCells(t: TFunction, figures: CompareFiguresView | null): [string, string][] {
  const mark = figures?.usage?.source === 'estimated' ? '~' : '';
  const tokens = (n: number) => `${mark}${formatNumber(n)}`;
  return [
    [t('firstToken'), figures ? ms(t, figures.ttftMs) : '…'],
    [
      t('tokensPerSecond'),
      figures?.tokensPerSecond != null
        ? formatNumber(figures.tokensPerSecond, {
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          })
        : '—',
    ],
    [t('in'), figures?.usage ? tokens(figures.usage.inputTokens) : '—'],
    [t('out'), figures?.usage ? tokens(figures.usage.outputTokens) : '—'],
    [t('cost'), figures ? dollars(figures.cost) : '—'],
  ];
}

/** One answer of a comparison, streaming in, then its figures and "Continue as conversation". */
export function CompareColumn({
  column,
  onContinue,
}: {
  column: ColumnState;
  onContinue: () => void;
}) {
  const { t } = useTranslation('compare');
  const { figures } = column;
  return (
    <article
      aria-label={t('answerFrom', { title: column.title })}
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
            name={t('answerText')}
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
            {ipcErrorText(figures.error)}
          </p>
        )}
      </div>
      {/* Cells wrap onto a second line in a narrow column instead of running into each other. */}
      <dl
        aria-label={t('figures')}
        className="flex flex-wrap gap-x-4 gap-y-1 border-t border-zinc-200 px-3 py-2 text-[11px] dark:border-zinc-800"
      >
        {figureCells(t, figures).map(([label, value]) => (
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
        aria-label={t('continueLabel')}
        className="m-2 mt-0 rounded-md border border-zinc-300 px-2 py-1 text-xs whitespace-nowrap hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t('continue')}
        <span className="hidden @[13rem]:inline">{t('continueRest')}</span>
      </button>
    </article>
  );
}
