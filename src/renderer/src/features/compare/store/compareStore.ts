import { create } from 'zustand';
import type { CompareStreamBatch } from '../../../../../shared/compare';
import { api } from '../../../lib/api';
import { readyViews, useAttachmentDraft } from '../../attachments';
import { pickLabel } from '../../chat';
import type { ColumnState } from '../components/CompareColumn';
import type { LaneChoice } from '../components/CompareLanes';
import { ipcErrorText } from '../../../lib/i18n';

interface CompareState {
  columns: ColumnState[];
  error: string | null;
  /** The comparison on screen; batches of any other (an earlier, stopped one) are ignored. */
  compareId: string | null;
  run(prompt: string, lanes: LaneChoice[]): Promise<void>;
  stop(): void;
  /** The new conversation's id, or null when it could not be made (the error is shown). */
  continueLane(lane: number): Promise<string | null>;
  applyBatch(batch: CompareStreamBatch): void;
}

/**
 * One comparison at a time: starts it, folds each column's batches into its text and figures,
 * stops it, and continues a finished column as a conversation.
 */
export const useCompareStore = create<CompareState>((set, get) => ({
  columns: [],
  error: null,
  compareId: null,

  async run(prompt, lanes) {
    set({ error: null });
    // The message box's attachments go to every column too (the dialog names them).
    const attachments = readyViews(useAttachmentDraft.getState().chips).map(({ id, name }) => ({
      id,
      name,
    }));
    const result = await api.startCompare({
      prompt,
      lanes,
      stream: true,
      ...(attachments.length ? { attachments } : {}),
    });
    if (!result.ok) return set({ error: ipcErrorText(result.error) });
    set({
      compareId: result.value.compareId,
      columns: result.value.lanes.map((lane) => ({
        // Named as the selector names a pick, model first.
        title: pickLabel(lane.model, { name: lane.profileName }),
        text: '',
        figures: null,
      })),
    });
  },

  stop() {
    const compareId = get().compareId;
    if (compareId) void api.stopCompare({ compareId });
  },

  async continueLane(lane) {
    const compareId = get().compareId;
    if (!compareId) return null;
    const result = await api.continueCompare({ compareId, lane });
    if (!result.ok) {
      set({ error: ipcErrorText(result.error) });
      return null;
    }
    return result.value.conversationId;
  },

  applyBatch(batch) {
    if (batch.compareId !== get().compareId) return;
    set((state) => ({
      columns: state.columns.map((column, i) => {
        if (i !== batch.lane) return column;
        let text = column.text;
        for (const event of batch.events) if (event.type === 'text') text += event.text;
        return { ...column, text, figures: batch.figures ?? column.figures };
      }),
    }));
  },
}));

/** Running until every column has its figures (they come with each column's last batch). */
export function isRunning(columns: ColumnState[]): boolean {
  return columns.some((c) => !c.figures);
}

/** Feeds compare batches from main into the store; call once at startup. */
export function subscribeToCompare(): () => void {
  return api.on('compareStream', (batch) => useCompareStore.getState().applyBatch(batch));
}
