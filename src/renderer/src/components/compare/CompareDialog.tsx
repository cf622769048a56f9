import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState } from 'react';
import type { ProfileView } from '../../../../shared/profiles';
import { api } from '../../lib/api';
import { useChatStore } from '../../store/chatStore';
import { useSettingsStore } from '../../store/settingsStore';
import { ModelPicker } from '../conversation/ModelPicker';
import { pickLabel } from '../conversation/pickLabel';
import { CompareColumn, type ColumnState } from './CompareColumn';

interface LaneChoice {
  profileId: string;
  model: string;
}

function defaultLanes(profiles: ProfileView[]): LaneChoice[] {
  const first = profiles.find((p) => p.isDefault) ?? profiles[0];
  if (!first) return [];
  const lane = { profileId: first.id, model: first.effectiveModel };
  return [lane, { ...lane }];
}

const inputClass =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950';

/**
 * The header's "Compare" button and its dialog: one prompt to 2–4 profile/model pairs at once,
 * the answers streaming side by side with their figures; any column can go on as a conversation.
 */
export function CompareDialog() {
  const snapshot = useSettingsStore((s) => s.snapshot);
  const load = useSettingsStore((s) => s.load);
  const openConversation = useChatStore((s) => s.openConversation);
  const [open, setOpen] = useState(false);
  const [prompt, setPrompt] = useState('');
  const [lanes, setLanes] = useState<LaneChoice[]>([]);
  const [columns, setColumns] = useState<ColumnState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const compareId = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('compareStream', (batch) => {
        if (batch.compareId !== compareId.current) return;
        setColumns((current) =>
          current.map((column, i) => {
            if (i !== batch.lane) return column;
            let text = column.text;
            for (const event of batch.events) if (event.type === 'text') text += event.text;
            return { ...column, text, figures: batch.figures ?? column.figures };
          }),
        );
      }),
    [],
  );
  // Running until every column has its figures (they come with each column's last batch).
  const running = columns.some((c) => !c.figures);

  const profiles = snapshot?.profiles ?? [];
  const setLane = (index: number, change: Partial<LaneChoice>) =>
    setLanes((current) => current.map((lane, i) => (i === index ? { ...lane, ...change } : lane)));

  const run = async () => {
    setError(null);
    const result = await api.startCompare({ prompt, lanes, stream: true });
    if (!result.ok) return setError(result.error.message);
    compareId.current = result.value.compareId;
    setColumns(
      result.value.lanes.map((lane) => ({
        // Named as the selector names a pick, model first.
        title: pickLabel(lane.model, { name: lane.profileName }),
        text: '',
        figures: null,
      })),
    );
  };

  const continueLane = async (lane: number) => {
    if (!compareId.current) return;
    const result = await api.continueCompare({ compareId: compareId.current, lane });
    if (!result.ok) return setError(result.error.message);
    setOpen(false);
    await openConversation(result.value.conversationId);
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
        Compare
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 flex h-[min(46rem,94vh)] w-[min(80rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-xl bg-white text-zinc-900 shadow-2xl focus:outline-none dark:bg-zinc-900 dark:text-zinc-100">
          <header className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <div>
              <Dialog.Title className="text-base font-semibold">Compare</Dialog.Title>
              <Dialog.Description className="text-xs text-zinc-500">
                One prompt to 2–4 models at once, side by side.
              </Dialog.Description>
            </div>
            <Dialog.Close
              aria-label="Close compare"
              className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              ×
            </Dialog.Close>
          </header>
          <form
            className="flex flex-col gap-2 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800"
            onSubmit={(event) => {
              event.preventDefault();
              if (prompt.trim() && !running) void run();
            }}
          >
            <textarea
              aria-label="Compare prompt"
              rows={2}
              value={prompt}
              onChange={(e) => setPrompt(e.target.value)}
              className={`${inputClass} w-full`}
              placeholder="Ask every model the same thing"
            />
            <div className="flex flex-wrap items-center gap-2">
              {lanes.map((lane, i) => {
                const view = profiles.find((p) => p.id === lane.profileId);
                return (
                  <fieldset
                    key={i}
                    aria-label={`Model ${i + 1}`}
                    className="flex min-w-0 items-center gap-1"
                  >
                    <ModelPicker
                      name={`Model ${i + 1}`}
                      pick={view ? { view, model: lane.model } : null}
                      onChoose={(chosen, model) => setLane(i, { profileId: chosen.id, model })}
                    />
                    {lanes.length > 2 && (
                      <button
                        type="button"
                        aria-label={`Remove model ${i + 1}`}
                        className="icon-button"
                        onClick={() => setLanes((current) => current.filter((_, j) => j !== i))}
                      >
                        ×
                      </button>
                    )}
                  </fieldset>
                );
              })}
              {lanes.length < 4 && (
                <button
                  type="button"
                  className="rounded-md px-2 py-1 text-xs text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-blue-950"
                  onClick={() => setLanes((current) => [...current, { ...current.at(-1)! }])}
                >
                  Add model
                </button>
              )}
              <span className="flex-1" />
              {running ? (
                <button
                  type="button"
                  className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700"
                  onClick={() =>
                    compareId.current && void api.stopCompare({ compareId: compareId.current })
                  }
                >
                  Stop
                </button>
              ) : (
                <button
                  type="submit"
                  disabled={!prompt.trim() || profiles.length === 0}
                  className="rounded-md bg-blue-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-40"
                >
                  Run
                </button>
              )}
            </div>
            {profiles.length === 0 && (
              <p className="text-xs text-zinc-500">Add a provider profile in Settings first.</p>
            )}
            {error && (
              <p role="alert" className="text-xs text-red-600">
                {error}
              </p>
            )}
          </form>
          <div
            className="grid min-h-0 flex-1 gap-3 p-4"
            style={{
              gridTemplateColumns: `repeat(${Math.max(columns.length, 1)}, minmax(0, 1fr))`,
            }}
          >
            {columns.map((column, i) => (
              <CompareColumn key={i} column={column} onContinue={() => void continueLane(i)} />
            ))}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
