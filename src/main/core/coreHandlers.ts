import type { AppInfo, EventSink, IpcHandlers } from '../../shared/ipc';
import { createAttachmentHandlers } from './attachments/attachmentHandlers';
import type { AttachmentService } from './attachments/AttachmentService';
import { portableAttachments } from './attachments/portableAttachments';
import { tidyingAttachments } from './attachments/tidyingAttachments';
import type { ChatService } from './chat/ChatService';
import { createContextHandlers } from './context/contextHandlers';
import { createPresetHandlers } from './presets/presetHandlers';
import type { PresetStore } from './presets/PresetStore';
import type { ContextService } from './context/ContextService';
import { createChatPickHandlers } from './chat/chatPicks';
import type { CompareService } from './compare/CompareService';
import type { DataHandlers } from './dataServices';
import type { ExchangeCapture } from './exchanges/ExchangeCapture';
import { createExchangeHandlers } from './exchanges/exchangeHandlers';
import type { ModelCatalog } from './profiles/modelCatalog';
import { createProfileHandlers, type ProfileHandlerDeps } from './profiles/profileHandlers';
import type { PickMemory } from './profiles/startPick';
import { createConversationHandlers } from './store/conversationHandlers';
import type { StorageHealth } from './store/StorageHealth';
import type { Store } from './store/Store';
import { guardStorage } from './store/storageGuard';
import type { PriceOverrides } from './usage/priceOverrides';
import { recordProbe } from './usage/recordProbe';
import { createUsageHandlers } from './usage/usageHandlers';
import type { UsageWriter } from './usage/UsageWriter';
import { createToolHandlers } from './tools/toolHandlers';
import type { ToolService } from './tools/ToolService';
import { createSearchHandlers } from './search/searchHandlers';
import type { SearchService } from './search/SearchService';
import { createKnowledgeHandlers } from './knowledge/knowledgeHandlers';
import type { KnowledgeService } from './knowledge/KnowledgeService';

export interface CoreServices {
  appInfo: AppInfo;
  emit: EventSink;
  store: Store;
  health: StorageHealth;
  chat: ChatService;
  compare: CompareService;
  capture: ExchangeCapture;
  usage: UsageWriter;
  prices: PriceOverrides;
  catalog: ModelCatalog;
  picks: PickMemory;
  attachments: AttachmentService;
  tools: ToolService;
  /** Settings › Web search: the search provider behind the built-in web_search tool. */
  search: SearchService;
  /** Presets and saved prompts, in the preferences file. */
  presets: PresetStore;
  /** The context window: the composer's meter, the recent-only policy, summaries. */
  context: ContextService;
  /** What the profile handlers need beyond the catalog and picks: profiles, vault, env, notices. */
  targetDeps: Omit<ProfileHandlerDeps, 'catalog' | 'picks'>;
  /** Settings › Data: backups and sync. */
  dataHandlers: DataHandlers;
  /** Knowledge bases: collections, their index passes, search. */
  knowledge: KnowledgeService;
}

/**
 * The IPC handler table: every request the renderer (or the harness) can make, each answered by
 * the service that owns it. Storage faults thrown by any handler are turned into answers by
 * `guardStorage`, so no handler repeats that.
 */
export function createHandlerTable(services: CoreServices): IpcHandlers {
  const { store, chat, compare, health, emit } = services;
  const profileHandlers = createProfileHandlers({
    ...services.targetDeps,
    catalog: services.catalog,
    picks: services.picks,
  });
  const conversationHandlers = createConversationHandlers({
    store,
    chat,
    emit,
    reportFault: (error) => health.report(error, { tell: false }),
  });
  const chatPickHandlers = createChatPickHandlers({
    store,
    chat,
    picks: services.picks,
    catalog: services.catalog,
    snapshot: () => profileHandlers.listProfiles({}),
    deleteProfile: profileHandlers.deleteProfile,
    conversationHandlers,
  });
  // Attachments go with JSON exports and come back with imports; purges remove unnamed files.
  const portable = portableAttachments(conversationHandlers, services.attachments);
  return guardStorage(
    {
      getAppInfo: async () => services.appInfo,
      // The menu and dialogs are the shell's: coreHost.ts hands the language to it.
      setUiLanguage: async ({ language }) => ({ language }),
      getStorageStatus: async () => health.status,
      stopStream: async ({ streamId }) => ({ stopped: chat.stop(streamId) }),
      ...profileHandlers,
      testConnection: recordProbe(profileHandlers.testConnection, services.usage),
      ...conversationHandlers,
      ...createAttachmentHandlers(services.attachments),
      ...portable,
      ...tidyingAttachments({ ...conversationHandlers, ...portable }, services.attachments),
      ...chatPickHandlers,
      ...createUsageHandlers({
        store,
        prices: services.prices,
        profiles: services.targetDeps.profiles,
      }),
      ...createContextHandlers(services.context, emit),
      ...createPresetHandlers(services.presets),
      ...createExchangeHandlers({ exchanges: store.exchanges, capture: services.capture }),
      ...services.dataHandlers,
      ...createToolHandlers(services.tools),
      ...createSearchHandlers(services.search),
      ...createKnowledgeHandlers(services.knowledge),
      startCompare: async (request) => compare.start(request),
      stopCompare: async ({ compareId }) => ({ stopped: compare.stop(compareId) }),
      continueCompare: async ({ compareId, lane }) => {
        const result = compare.continueAsConversation(compareId, lane);
        emit('conversationsChanged', { conversationId: result.conversationId });
        return result;
      },
    },
    health,
  );
}
