import { readyViews, useAttachmentDraft } from '../../attachments';
import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useChatStore } from '../../chat';
import { useProfiles, useSettingsStore } from '../../settings';
import { CompareColumn } from './CompareColumn';
import { CompareLanes, defaultLanes, type LaneChoice } from './CompareLanes';
import { isRunning, useCompareStore } from '../store/compareStore';
import { useTranslation } from '../../../lib/i18n';

const inputClass =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950';

/**
 * The header's "Compare" button and its dialog: one prompt to 2–4 profile/model pairs at once,
 * the answers streaming side by side with their figures; any column can go on as a conversation.
 */
export function CompareDialog() {
  const profiles = useProfiles();
  const { t } = useTranslation();
  const load = useSettingsStore((s) => s.load);
  const openConversation = useChatStore((s) => s.openConversation);
  const [open, setOpen] = useState(false);
  const [lanes, setLanes] = useState<LaneChoice[]>([]);
  // Kept here, not in the form: closing the dialog keeps the prompt for next time.
  const [prompt, setPrompt] = useState('');
  const { columns, error, run, stop, continueLane } = useCompareStore();
  const running = isRunning(columns);

  const continueAsConversation = async (lane: number) => {
    const conversationId = await continueLane(lane);
    if (!conversationId) return;
    setOpen(false);
    await openConversation(conversationId);
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          // Lanes start from the default profile once the profiles are (re)loaded.
          void load().then(() =>
            setLanes((current) =>
              current.length > 0
                ? current
                : defaultLanes(useSettingsStore.getState().snapshot?.profiles ?? []),
            ),
          );
        }
      }}
    >
      <Dialog.Trigger className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
        {t('compare')}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 flex h-[min(46rem,94vh)] w-[min(80rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-xl bg-white text-zinc-900 shadow-2xl focus:outline-none dark:bg-zinc-900 dark:text-zinc-100">
          <CompareHeader />
          <CompareForm
            prompt={prompt}
            onPromptChange={setPrompt}
            lanes={lanes}
            onLanesChange={setLanes}
            running={running}
            canRun={profiles.length > 0}
            error={error}
            onRun={(prompt) => void run(prompt, lanes)}
            onStop={stop}
          />
          <div
            className="grid min-h-0 flex-1 gap-3 p-4"
            style={{
              gridTemplateColumns: `repeat(${Math.max(columns.length, 1)}, minmax(0, 1fr))`,
            }}
          >
            {columns.map((column, i) => (
              <CompareColumn
                key={i}
                column={column}
                onContinue={() => void continueAsConversation(i)}
              />
            ))}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface CompareFormProps {
  prompt: string;
  onPromptChange: (prompt: string) => void;
  lanes: LaneChoice[];
  onLanesChange: (lanes: LaneChoice[]) => void;
  running: boolean;
  canRun: boolean;
  error: string | null;
  onRun: (prompt: string) => void;
  onStop: () => void;
}

/** The prompt, each column's model, and Run (Stop while the columns stream). */
function CompareForm({
  prompt,
  onPromptChange,
  lanes,
  onLanesChange,
  running,
  canRun,
  error,
  onRun,
  onStop,
}: CompareFormProps) {
  const { t } = useTranslation('compare');
  return (
    <form
      className="flex flex-col gap-2 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800"
      onSubmit={(event) => {
        event.preventDefault();
        if (prompt.trim() && !running) onRun(prompt);
      }}
    >
      <textarea
        aria-label={t('prompt')}
        rows={2}
        value={prompt}
        onChange={(e) => onPromptChange(e.target.value)}
        className={`${inputClass} w-full`}
        placeholder={t('promptPlaceholder')}
      />
      <AttachedNote />
      <div className="flex flex-wrap items-center gap-2">
        <CompareLanes lanes={lanes} onChange={onLanesChange} />
        <span className="flex-1" />
        {running ? (
          <button
            type="button"
            className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700"
            onClick={onStop}
          >
            {t('stop')}
          </button>
        ) : (
          <button
            type="submit"
            disabled={!prompt.trim() || !canRun}
            className="rounded-md bg-blue-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-40"
          >
            {t('run')}
          </button>
        )}
      </div>
      {!canRun && <p className="text-xs text-zinc-500">{t('noProfile')}</p>}
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}

/** The message box's attachments, which a comparison sends to every column. */
function AttachedNote() {
  const { t } = useTranslation('compare');
  const names = readyViews(useAttachmentDraft((s) => s.chips)).map((view) => view.name);
  if (names.length === 0) return null;
  return (
    <p className="text-xs text-zinc-500">
      {t('attached', { names: names.join(t('listSeparator')) })}
    </p>
  );
}

function CompareHeader() {
  const { t } = useTranslation('compare');
  return (
    <header className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
      <div>
        <Dialog.Title className="text-base font-semibold">{t('title')}</Dialog.Title>
        <Dialog.Description className="text-xs text-zinc-500">
          {t('description')}
        </Dialog.Description>
      </div>
      <Dialog.Close
        aria-label={t('close')}
        className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        ×
      </Dialog.Close>
    </header>
  );
}
