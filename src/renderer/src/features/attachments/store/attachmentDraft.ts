import { create } from 'zustand';
import { attachmentLimits, type AttachmentView } from '../../../../../shared/attachments';
import { api } from '../../../lib/api';
import { formatBytes, i18n, ipcErrorText } from '../../../lib/i18n';
import { base64Of } from '../lib/readFile';

/** One chip above the composer: a file being read and stored, stored, or refused (and why). */
export interface DraftChip {
  key: string;
  name: string;
  size: number;
  status: 'storing' | 'ready' | 'failed';
  view?: AttachmentView;
  error?: string;
}

interface AttachmentDraft {
  chips: DraftChip[];
  /** Reads and stores each file in main; a refused one stays as a chip saying why. */
  add(files: readonly File[], name?: (file: File) => string): Promise<void>;
  remove(key: string): void;
  clear(): void;
}

let nextKey = 0;

const update = (chips: DraftChip[], key: string, patch: Partial<DraftChip>) =>
  chips.map((chip) => (chip.key === key ? { ...chip, ...patch } : chip));

/** The composer's attachments until they are sent: ids and thumbnails only, never the bytes. */
export const useAttachmentDraft = create<AttachmentDraft>((set, get) => ({
  chips: [],
  async add(files, nameOf = (file) => file.name) {
    const room = attachmentLimits.maxPerMessage - get().chips.length;
    const added = files.map((file) => ({
      file,
      key: `a${nextKey++}`,
      name: nameOf(file) || 'file',
    }));
    set((state) => ({
      chips: [
        ...state.chips,
        ...added.map(({ file, key, name }, index): DraftChip => {
          const base = { key, name, size: file.size };
          if (index >= room)
            return {
              ...base,
              status: 'failed',
              error: i18n.t('attachments:tooMany', { count: attachmentLimits.maxPerMessage }),
            };
          if (file.size > attachmentLimits.maxFileBytes)
            return {
              ...base,
              status: 'failed',
              error: i18n.t('attachments:tooLarge', {
                size: formatBytes(attachmentLimits.maxFileBytes),
              }),
            };
          return { ...base, status: 'storing' };
        }),
      ],
    }));
    await Promise.all(
      added.map(async ({ file, key, name }) => {
        if (get().chips.find((chip) => chip.key === key)?.status !== 'storing') return;
        const result = await api.storeAttachment({ name, data: await base64Of(file) });
        set((state) => ({
          chips: result.ok
            ? update(state.chips, key, { status: 'ready', view: result.value })
            : update(state.chips, key, {
                status: 'failed',
                error: withoutName(ipcErrorText(result.error), name),
              }),
        }));
      }),
    );
  },
  remove(key) {
    set((state) => ({ chips: state.chips.filter((chip) => chip.key !== key) }));
  },
  clear() {
    set({ chips: [] });
  },
}));

/** The chip already shows the name: main's "NAME: why" is shown as "why". */
function withoutName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

/** The stored attachments a send carries, in order. */
export function readyViews(chips: readonly DraftChip[]): AttachmentView[] {
  return chips.flatMap((chip) => (chip.status === 'ready' && chip.view ? [chip.view] : []));
}
