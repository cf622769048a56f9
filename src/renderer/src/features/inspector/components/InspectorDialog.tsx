import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { curlCommand } from '../../../../../shared/curl';
import { CaptureFooter } from './CaptureFooter';
import { copyText } from '../../../lib/clipboard';
import { RequestSection, ResponseSection } from './ExchangeSections';
import { useInspectorStore, type Loaded } from '../store/inspectorStore';

const buttonClass =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-xs hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800';

function ms(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value)} ms`;
}

const notOpen: Loaded = { state: 'loading' };

/**
 * The "Inspect" button of an answer and its dialog: what was sent and what came back, exactly,
 * for every provider call behind the answer. Everything shown was redacted in main.
 */
export function InspectorDialog({ messageId }: { messageId: string }) {
  const [open, setOpen] = useState(false);
  // A closed dialog (one per answer) reads constants, so the open one's loading re-renders no other.
  const loaded = useInspectorStore((s) => (open ? s.loaded : notOpen));
  const capture = useInspectorStore((s) => (open ? s.capture : null));
  const changeCapture = useInspectorStore((s) => s.changeCapture);
  const [selected, setSelected] = useState(0);
  const [attemptIndex, setAttemptIndex] = useState(0);
  const [notice, setNotice] = useState('');

  const load = async () => {
    const exchanges = await useInspectorStore.getState().load(messageId);
    if (!exchanges) return;
    // The latest call first: a continued answer's last part is the one usually asked about.
    setSelected(Math.max(0, exchanges.length - 1));
    setAttemptIndex(Math.max(0, (exchanges.at(-1)?.attempts.length ?? 1) - 1));
  };

  const exchange = loaded.state === 'ready' ? loaded.exchanges[selected] : undefined;
  const attempt = exchange?.attempts[attemptIndex];

  const copy = async (label: string, text: string) => {
    setNotice((await copyText(text)) ? `${label} copied` : 'Copy failed');
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setNotice('');
        if (next) void load();
      }}
    >
      <Dialog.Trigger
        title="See the exact request and response"
        // The chat view's own action style (contrast checked in light and dark).
        className="action-button"
      >
        Inspect
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 flex h-[min(46rem,94vh)] w-[min(72rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-xl bg-white text-zinc-900 shadow-2xl focus:outline-none dark:bg-zinc-900 dark:text-zinc-100">
          <header className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <div className="min-w-0">
              <Dialog.Title className="text-base font-semibold">Inspector</Dialog.Title>
              <Dialog.Description className="text-xs text-zinc-500">
                {exchange
                  ? `${exchange.provider} · ${exchange.model} · ${exchange.stream ? 'streamed' : 'not streamed'}`
                  : 'The exact request and response behind this answer. Keys are never shown.'}
              </Dialog.Description>
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
                {notice}
              </span>
              <button
                type="button"
                className={buttonClass}
                disabled={!attempt || !exchange}
                onClick={() =>
                  attempt &&
                  exchange &&
                  void copy('cURL', curlCommand(attempt.request, exchange.provider))
                }
              >
                Copy as cURL
              </button>
              <button
                type="button"
                className={buttonClass}
                disabled={!exchange}
                onClick={() => exchange && void copy('JSON', JSON.stringify(exchange, null, 2))}
              >
                Copy JSON
              </button>
              <Dialog.Close
                aria-label="Close inspector"
                className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                ×
              </Dialog.Close>
            </div>
          </header>
          {exchange && (
            <div className="flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-zinc-200 px-5 py-2 text-xs dark:border-zinc-800">
              <span aria-label="Time to first token">
                First token <strong>{ms(exchange.timing?.ttftMs)}</strong>
              </span>
              <span aria-label="Total time">
                Total <strong>{ms(exchange.timing?.totalMs)}</strong>
              </span>
              <span className="text-zinc-500">
                {(exchange.sizeBytes / 1024).toFixed(1)} KB captured
              </span>
              {exchange.truncated && (
                <span className="text-amber-700 dark:text-amber-400">
                  Cut at the size limit: later events were not kept
                </span>
              )}
              {loaded.state === 'ready' && loaded.exchanges.length > 1 && (
                <label className="flex items-center gap-1">
                  Call
                  <select
                    value={selected}
                    onChange={(e) => {
                      setSelected(Number(e.target.value));
                      setAttemptIndex(0);
                    }}
                    className="rounded border border-zinc-300 bg-transparent px-1 dark:border-zinc-700"
                  >
                    {loaded.exchanges.map((x, i) => (
                      <option key={x.id} value={i}>
                        {i + 1} of {loaded.exchanges.length}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {exchange.attempts.length > 1 && (
                <label className="flex items-center gap-1">
                  Attempt
                  <select
                    value={attemptIndex}
                    onChange={(e) => setAttemptIndex(Number(e.target.value))}
                    className="rounded border border-zinc-300 bg-transparent px-1 dark:border-zinc-700"
                  >
                    {exchange.attempts.map((a, i) => (
                      <option key={i} value={i}>
                        {a.request.attempt} ({a.response?.status ?? 'no response'})
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
          )}
          <div className="min-h-0 flex-1 overflow-auto px-5 py-4">
            {loaded.state === 'loading' && <p className="text-sm text-zinc-500">Loading…</p>}
            {loaded.state === 'error' && (
              <p role="alert" className="text-sm text-red-600">
                {loaded.message}
              </p>
            )}
            {loaded.state === 'ready' && !attempt && (
              <p className="text-sm text-zinc-500">
                Nothing was captured for this answer
                {capture && !capture.enabled
                  ? ': capture is off.'
                  : ' (it came before capture, or was pruned).'}
              </p>
            )}
            {attempt && (
              <div className="grid gap-6 lg:grid-cols-2">
                <RequestSection attempt={attempt} />
                <ResponseSection attempt={attempt} />
              </div>
            )}
          </div>
          {capture && <CaptureFooter capture={capture} onChange={(c) => void changeCapture(c)} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
