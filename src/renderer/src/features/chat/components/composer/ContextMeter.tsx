import { useEffect } from 'react';
import type { ContextReport } from '../../../../../../shared/context';
import type { AttachmentPart } from '../../../../../../shared/messageParts';
import { useChatStore } from '../../store/chatStore';
import { useComposerSettings } from '../../store/composerSettings';
import { selectContextBlocks, useContextStore } from '../../store/contextStore';

const number = new Intl.NumberFormat('en');

/** Measures again a moment after typing stops, and whenever the thread or the model changes. */
function useMeasure(draft: string, attachments: readonly AttachmentPart[]): void {
  const conversationId = useChatStore((s) => s.conversationId);
  const length = useChatStore((s) => s.messages.length);
  const streaming = useChatStore((s) => s.activeStreamId !== null);
  const model = useComposerSettings((s) => `${s.profileId}/${s.model}/${s.maxTokens}`);
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

function usageLabel(report: ContextReport): string {
  const approx = report.exact ? '' : '≈ ';
  const used = `${approx}${number.format(report.usedTokens)}`;
  if (report.windowTokens === null) return `${used} tokens`;
  const share = Math.round((100 * report.usedTokens) / report.windowTokens);
  return `${used} / ${number.format(report.windowTokens)} tokens (${share}%)`;
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
  useMeasure(draft, attachments);
  const report = useContextStore((s) => s.report);
  const blocks = useContextStore(selectContextBlocks);
  const summarizing = useContextStore((s) => s.summarizing);
  const error = useContextStore((s) => s.error);
  const conversationId = useChatStore((s) => s.conversationId);
  if (!report) return null;
  const title = [
    report.exact
      ? 'Counted with the model’s own tokenizer'
      : 'Estimated (the model’s tokenizer is not known)',
    report.windowSource ? `window: ${report.windowSource}` : 'window not known',
    report.reservedTokens ? `${number.format(report.reservedTokens)} held for the answer` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span role="status" aria-label="Context used" title={title}>
        {usageLabel(report)}
        {!report.exact && <span className="ml-1 italic">estimate</span>}
      </span>
      {!report.fits && report.policy === 'recent' && (
        <span className="ml-2">
          Sending the newest {report.sentMessages} of {report.totalMessages} messages (
          {number.format(report.sentTokens)} tokens); the older ones stay here, not sent.
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
  const choose = useContextStore((s) => s.choose);
  const needed = report.usedTokens + report.reservedTokens;
  return (
    <div
      role="alert"
      aria-label="Context window full"
      className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      <p>
        This request needs {number.format(needed)} tokens; the model takes{' '}
        {number.format(report.windowTokens ?? 0)}. It will not fit.
        {canChoose ? ' Choose what this conversation sends:' : ' Shorten the message.'}
      </p>
      {canChoose && (
        <div className="mt-1 flex flex-wrap gap-2">
          <button type="button" className="action-button" onClick={() => void choose('recent')}>
            Send only the recent messages
          </button>
          <button
            type="button"
            className="action-button"
            disabled={summarizing}
            onClick={() => void choose('summary')}
          >
            {summarizing
              ? 'Summarizing…'
              : report.policy === 'summary'
                ? 'Summarize again'
                : 'Summarize the older part'}
          </button>
        </div>
      )}
    </div>
  );
}
