import type { IpcHandlers } from '../../../shared/ipc';
import { HandlerError } from '../../../shared/result';
import { KnowledgeError, type KnowledgeService } from './KnowledgeService';

type KnowledgeHandlers = Pick<
  IpcHandlers,
  | 'listKnowledge'
  | 'createKnowledgeCollection'
  | 'deleteKnowledgeCollection'
  | 'indexKnowledgeCollection'
  | 'cancelKnowledgeIndex'
  | 'listKnowledgeDocuments'
>;

/** A refusal the person can act on crosses IPC with its own code and sentence. */
async function told<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof KnowledgeError)
      throw new HandlerError(error.code, { message: error.message, said: error.said });
    throw error;
  }
}

/** Knowledge bases, answered by the knowledge service. */
export function createKnowledgeHandlers(knowledge: KnowledgeService): KnowledgeHandlers {
  return {
    listKnowledge: async () => ({ collections: knowledge.list(), progress: knowledge.progress() }),
    createKnowledgeCollection: (input) => told(() => knowledge.create(input)),
    deleteKnowledgeCollection: ({ id }) =>
      told(async () => {
        await knowledge.remove(id);
        return { deleted: true };
      }),
    indexKnowledgeCollection: ({ id }) =>
      told(() => {
        knowledge.index(id);
        return { started: true };
      }),
    cancelKnowledgeIndex: ({ id }) =>
      told(async () => {
        await knowledge.cancel(id);
        return { cancelled: true };
      }),
    listKnowledgeDocuments: ({ id }) => told(() => knowledge.documents(id)),
  };
}
