import { useEffect } from 'react';
import type { ContextReport } from '../../../../../../shared/context';
import type { AttachmentPart } from '../../../../../../shared/messageParts';
import { useChatStore } from '../../store/chatStore';
import { useComposerSettings } from '../../store/composerSettings';
import { selectContextBlocks, useContextStore } from '../../store/contextStore';
import { formatNumber, useTranslation, type TFunction } from '../../../../lib/i18n';

/** Measures again a moment after typing stops, and whenever the thread or the model changes. */
function useMeasure(draft: string, attachments: readonly AttachmentPart[]): void {
  const conversationId = useChatStore((s) => s.conversationId);
  const length = useChatStore((s) => s.messages.length);
  const streaming = useChatStore((s) => s.activeStreamId !== null);
  const model = useComposerSettings(
    (s) => `${s.profileId}/${s.model}/${s.maxTokens}/${s.knowledge.join(',')}`,
  );
  const measure = useContextStore((s) => s.measure);
  useEffect(() => {
    if (streaming) return;
    const timer = setTimeout(() => void measure(draft, attachments), 250);
    return () => clearTimeout(timer);
    // The attachments by identity: the composer makes a new list each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, attachedKey(attachments), conversationId, length, streaming, model, measure]);
}

function attachedKey(attachments: readonly AttachmentPart[]): string {
  return attachments.map((part) => `${part.attachmentId}/${part.type}`).join(',');
}

function usageLabel(t: TFunction, report: ContextReport): string {
  const approx = report.exact ? '' : '≈ ';
  const used = `${approx}${formatNumber(report.usedTokens)}`;
  if (report.windowTokens === null) return t('context.used', { used });
  const share = formatNumber(report.usedTokens / report.windowTokens, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return t('context.usedOf', { used, window: formatNumber(report.windowTokens), share });
}

function meterTitle(t: TFunction, report: ContextReport): string {
  return [
    report.exact ? t('context.exact') : t('context.estimated'),
    report.windowSource
      ? t('context.windowFrom', { source: report.windowSource })
      : t('context.windowUnknown'),
    report.reservedTokens
      ? t('context.reserved', { tokens: formatNumber(report.reservedTokens) })
      : null,
    report.passageTokens ? t('context.passagesWhy') : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * Under the composer: how much of the model's context the next request uses, marked as an
 * estimate where the model's tokenizer is not known; before a request that will not fit, a
 * warning with the two ways on (recent messages only, or a summary of the older part).
 */
export function ContextMeter({
  draft,
  attachments = [],
}: {
  draft: string;
  attachments?: readonly AttachmentPart[];
}) {
  const { t } = useTranslation('chat');
  useMeasure(draft, attachments);
  const report = useContextStore((s) => s.report);
  const blocks = useContextStore(selectContextBlocks);
  const summarizing = useContextStore((s) => s.summarizing);
  const error = useContextStore((s) => s.error);
  const conversationId = useChatStore((s) => s.conversationId);
  if (!report) return null;
  const title = meterTitle(t, report);
  return (
    <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span role="status" aria-label={t('context.label')} title={title}>
        {usageLabel(t, report)}
        {!report.exact && <span className="ml-1 italic">{t('context.estimate')}</span>}
        {report.passageTokens > 0 && (
          <span className="ml-1">
            {t('context.passages', { tokens: formatNumber(report.passageTokens) })}
          </span>
        )}
      </span>
      {!report.fits && report.policy === 'recent' && (
        <span className="ml-2">
          {t('context.recent', {
            sent: report.sentMessages,
            total: report.totalMessages,
            tokens: formatNumber(report.sentTokens),
          })}
        </span>
      )}
      {error && (
        <p role="alert" className="mt-1 text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {blocks && (
        <OverflowWarning report={report} summarizing={summarizing} canChoose={!!conversationId} />
      )}
    </div>
  );
}

function OverflowWarning({
  report,
  summarizing,
  canChoose,
}: {
  report: ContextReport;
  summarizing: boolean;
  canChoose: boolean;
}) {
  const { t } = useTranslation('chat');
  const choose = useContextStore((s) => s.choose);
  // The passages' room counts: a question near the limit may not fit once they are added.
  const needed = report.usedTokens + report.reservedTokens + report.passageTokens;
  return (
    <div
      role="alert"
      aria-label={t('context.fullLabel')}
      className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      <p>
        {t(report.passageTokens ? 'context.tooBigWithPassages' : 'context.tooBig', {
          needed: formatNumber(needed),
          passages: formatNumber(report.passageTokens),
          window: formatNumber(report.windowTokens ?? 0),
        })}{' '}
        {canChoose ? t('context.choose') : t('context.shorten')}
      </p>
      {canChoose && (
        <div className="mt-1 flex flex-wrap gap-2">
          <button type="button" className="action-button" onClick={() => void choose('recent')}>
            {t('context.sendRecent')}
          </button>
          <button
            type="button"
            className="action-button"
            disabled={summarizing}
            onClick={() => void choose('summary')}
          >
            {summarizing
              ? t('context.summarizing')
              : report.policy === 'summary'
                ? t('context.summarizeAgain')
                : t('context.summarize')}
          </button>
        </div>
      )}
    </div>
  );
}
