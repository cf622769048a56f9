/**
 * The knowledge base channels (issue 20, shared/knowledge.ts): spread into `invokeChannels` in
 * ipc.ts, part of THE contract like every other channel. Progress comes as `knowledgeProgress`.
 */
import { z } from 'zod';
import { invoke } from './invokeChannel';
import {
  newCollectionSchema,
  type IndexProgress,
  type KnowledgeCollection,
  type KnowledgeDocument,
} from './knowledge';

const collectionId = z.object({ id: z.string().min(1).max(128) }).strict();

export interface KnowledgeOverview {
  collections: KnowledgeCollection[];
  /** Each collection's last index pass (a running one as it goes). */
  progress: IndexProgress[];
}

export const knowledgeChannels = {
  listKnowledge: invoke<KnowledgeOverview>()(z.object({}).strict()),
  /** Makes a collection from a folder and starts indexing it. */
  createKnowledgeCollection: invoke<KnowledgeCollection>()(newCollectionSchema),
  deleteKnowledgeCollection: invoke<{ deleted: boolean }>()(collectionId),
  /** Indexes again: only what changed is read; after a cancel, it resumes. */
  indexKnowledgeCollection: invoke<{ started: boolean }>()(collectionId),
  cancelKnowledgeIndex: invoke<{ cancelled: boolean }>()(collectionId),
  listKnowledgeDocuments: invoke<KnowledgeDocument[]>()(collectionId),
} as const;
