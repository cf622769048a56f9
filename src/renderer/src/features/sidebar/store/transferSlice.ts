import type { StateCreator } from 'zustand';
import type { ImportSummary } from '../../../../../shared/conversations';
import { api } from '../../../lib/api';
import { offerDownload } from '../../../lib/download';
import type { ConversationsState } from './conversationsStore';
import { i18n, ipcErrorText, saidText } from '../../../lib/i18n';

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
    if (!result.ok)
      return void set({ notice: { kind: 'error', text: ipcErrorText(result.error) } });
    offerDownload(result.value);
    const { fileName } = result.value;
    const warning =
      result.value.warning && saidText(result.value.warningSaid, result.value.warning);
    set({
      notice: warning
        ? { kind: 'error', text: i18n.t('sidebar:transfer.exportedBut', { fileName, warning }) }
        : { kind: 'info', text: i18n.t('sidebar:transfer.exported', { fileName }) },
    });
  },

  async importFile(file) {
    const content = await file.text();
    if (!content)
      return void set({
        notice: { kind: 'error', text: i18n.t('sidebar:transfer.empty', { name: file.name }) },
      });
    const preview = await api.previewImport({ content });
    if (!preview.ok) {
      return void set({
        notice: {
          kind: 'error',
          text: i18n.t('sidebar:transfer.notImported', {
            name: file.name,
            reason: ipcErrorText(preview.error),
          }),
        },
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
          text: i18n.t('sidebar:transfer.notImported', {
            name: pending.fileName,
            reason: ipcErrorText(result.error),
          }),
        },
      });
    }
    set({ notice: { kind: 'info', text: importNotice(result.value) } });
    await get().refresh();
  },
});

/** "Imported 2 conversations (4 messages); 1 already here was skipped." */
function importNotice(summary: ImportSummary): string {
  const { conversations, messages, skipped, replaced, keptBoth } = summary;
  const t = (key: string, count: number) => i18n.t(`sidebar:transfer.${key}`, { count, messages });
  const parts = [t('imported', conversations)];
  if (skipped) parts.push(t('skipped', skipped));
  if (replaced) parts.push(t('replaced', replaced));
  if (keptBoth) parts.push(t('keptBoth', keptBoth));
  return `${parts.join(i18n.t('sidebar:transfer.separator'))}${i18n.t('sidebar:transfer.end')}`;
}
