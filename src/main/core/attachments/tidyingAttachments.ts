import type { IpcHandlers } from '../../../shared/ipc';
import type { AttachmentService } from './AttachmentService';

type Purging = Pick<IpcHandlers, 'deleteConversation' | 'importConversations'>;

/**
 * The handlers that purge conversations (a delete purges those past the undo window, an import
 * may replace some), followed by the removal of the files no message names any more: after the
 * purge has committed, never before, so a crash between the two leaves at most an orphan file,
 * which the sweep at the next start removes. A failure to remove a file never fails the delete.
 */
export function tidyingAttachments(handlers: Purging, attachments: AttachmentService): Purging {
  const tidy = () => {
    try {
      attachments.tidy();
    } catch {
      // The start sweep removes what is left.
    }
  };
  return {
    deleteConversation: async (request) => {
      const result = await handlers.deleteConversation(request);
      tidy();
      return result;
    },
    importConversations: async (request) => {
      const result = await handlers.importConversations(request);
      tidy();
      return result;
    },
  };
}
