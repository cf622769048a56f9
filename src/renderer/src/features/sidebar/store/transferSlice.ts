import type { StateCreator } from 'zustand';
import type { ImportSummary } from '../../../../../shared/conversations';
import { api } from '../../../lib/api';
import { offerDownload } from '../../../lib/download';
import type { ConversationsState } from './conversationsStore';

/** Conversations leaving as a file (export) and coming in from one (import, with its question). */
export type TransferSlice = Pick<
  ConversationsState,
  'exportConversations' | 'importFile' | 'finishImport'
>;

export const createTransferSlice: StateCreator<ConversationsState, [], [], TransferSlice> = (
  set,
  get,
) => ({
  async exportConversations(format, conversationIds) {
    const result = await api.exportConversations({
      format,
      ...(conversationIds ? { conversationIds } : {}),
    });
    if (!result.ok) return void set({ notice: { kind: 'error', text: result.error.message } });
    offerDownload(result.value);
    const { fileName, warning } = result.value;
    set({
      notice: warning
        ? { kind: 'error', text: `Exported ${fileName}, but ${warning}` }
        : { kind: 'info', text: `Exported ${fileName}` },
    });
  },

  async importFile(file) {
    const content = await file.text();
    if (!content)
      return void set({
        notice: { kind: 'error', text: `${file.name} is empty: nothing was imported.` },
      });
    const preview = await api.previewImport({ content });
    if (!preview.ok) {
      return void set({
        notice: { kind: 'error', text: `${file.name} was not imported: ${preview.error.message}` },
      });
    }
    set({ pendingImport: { fileName: file.name, content, preview: preview.value } });
    // Nothing here yet: no question to ask (skip is the safe answer if something came meanwhile).
    if (preview.value.alreadyPresent === 0) await get().finishImport('skip');
  },

  async finishImport(choice) {
    const pending = get().pendingImport;
    set({ pendingImport: null });
    if (!pending || !choice) return;
    const result = await api.importConversations({ content: pending.content, duplicates: choice });
    if (!result.ok) {
      return void set({
        notice: {
          kind: 'error',
          text: `${pending.fileName} was not imported: ${result.error.message}`,
        },
      });
    }
    set({ notice: { kind: 'info', text: importNotice(result.value) } });
    await get().refresh();
  },
});

function conversationsCount(n: number): string {
  return `${n} conversation${n === 1 ? '' : 's'}`;
}

/** "Imported 2 conversations (4 messages); 1 already here was skipped." */
function importNotice(summary: ImportSummary): string {
  const { conversations, messages, skipped, replaced, keptBoth } = summary;
  const parts = [`Imported ${conversationsCount(conversations)} (${messages} messages)`];
  const here = (n: number, what: string) => `${n} already here ${n === 1 ? 'was' : 'were'} ${what}`;
  if (skipped) parts.push(here(skipped, 'skipped'));
  if (replaced) parts.push(here(replaced, 'replaced'));
  if (keptBoth)
    parts.push(
      `${here(keptBoth, 'kept')}, the ${keptBoth === 1 ? 'copy' : 'copies'} from the file beside ${keptBoth === 1 ? 'it' : 'them'}`,
    );
  return `${parts.join('; ')}.`;
}
