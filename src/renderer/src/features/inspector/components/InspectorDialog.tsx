import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { copyText } from '../../../lib/clipboard';
import { useInspectorStore, type Loaded } from '../store/inspectorStore';
import { CaptureFooter } from './CaptureFooter';
import { ExchangeSummary } from './ExchangeSummary';
import { InspectorBody } from './InspectorBody';
import { InspectorHeader } from './InspectorHeader';
import { useTranslation } from '../../../lib/i18n';

const notOpen: Loaded = { state: 'loading' };

/** Which call of the answer and which attempt of it are shown; `load` fetches and picks the latest. */
function useExchangeChoice(messageId: string) {
  const [selected, setSelected] = useState(0);
  const [attemptIndex, setAttemptIndex] = useState(0);

  const load = async () => {
    const exchanges = await useInspectorStore.getState().load(messageId);
    if (!exchanges) return;
    // The latest call first: a continued answer's last part is the one usually asked about.
    setSelected(Math.max(0, exchanges.length - 1));
    setAttemptIndex(Math.max(0, (exchanges.at(-1)?.attempts.length ?? 1) - 1));
  };
  const selectCall = (index: number) => {
    setSelected(index);
    setAttemptIndex(0);
  };
  return { selected, attemptIndex, load, selectCall, selectAttempt: setAttemptIndex };
}

/**
 * The "Inspect" button of an answer and its dialog: what was sent and what came back, exactly,
 * for every provider call behind the answer. Everything shown was redacted in main.
 */
export function InspectorDialog({ messageId }: { messageId: string }) {
  const { t } = useTranslation('inspector');
  const [open, setOpen] = useState(false);
  // A closed dialog (one per answer) reads constants, so the open one's loading re-renders no other.
  const loaded = useInspectorStore((s) => (open ? s.loaded : notOpen));
  const capture = useInspectorStore((s) => (open ? s.capture : null));
  const changeCapture = useInspectorStore((s) => s.changeCapture);
  const choice = useExchangeChoice(messageId);
  const [notice, setNotice] = useState('');

  const exchange = loaded.state === 'ready' ? loaded.exchanges[choice.selected] : undefined;
  const attempt = exchange?.attempts[choice.attemptIndex];

  const copy = async (label: string, text: string) => {
    setNotice((await copyText(text)) ? t('copied', { label }) : t('copyFailed'));
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setNotice('');
        if (next) void choice.load();
      }}
    >
      <Dialog.Trigger
        title={t('inspectTip')}
        // The chat view's own action style (contrast checked in light and dark).
        className="action-button"
      >
        {t('inspect')}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 flex h-[min(46rem,94vh)] w-[min(72rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-xl bg-white text-zinc-900 shadow-2xl focus:outline-none dark:bg-zinc-900 dark:text-zinc-100">
          <InspectorHeader
            exchange={exchange}
            attempt={attempt}
            notice={notice}
            onCopy={(label, text) => void copy(label, text)}
          />
          {loaded.state === 'ready' && (
            <ExchangeSummary
              exchanges={loaded.exchanges}
              selected={choice.selected}
              attemptIndex={choice.attemptIndex}
              onSelectCall={choice.selectCall}
              onSelectAttempt={choice.selectAttempt}
            />
          )}
          <InspectorBody
            loaded={loaded}
            attempt={attempt}
            capture={capture}
            toolCalls={exchange?.toolCalls}
          />
          {capture && <CaptureFooter capture={capture} onChange={(c) => void changeCapture(c)} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
