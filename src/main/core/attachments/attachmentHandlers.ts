import type { IpcHandlers } from '../../../shared/ipc';
import { HandlerError } from '../../../shared/result';
import type { AttachmentService } from './AttachmentService';
import { spoken } from '../../../shared/said';

type AttachmentHandlers = Pick<IpcHandlers, 'storeAttachment' | 'getAttachment'>;

/** The attachment channels: store a picked file's bytes, read one back full size. */
export function createAttachmentHandlers(service: AttachmentService): AttachmentHandlers {
  return {
    storeAttachment: async ({ name, data }) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data))
        throw new HandlerError('invalid_request', spoken('attachments.notWhole', { name }));
      return service.attach(name, Buffer.from(data, 'base64'));
    },
    getAttachment: async ({ id, size }) =>
      size === 'thumbnail' ? service.thumbnail(id) : service.content(id),
  };
}
