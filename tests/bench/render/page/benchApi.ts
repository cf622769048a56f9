/**
 * The renderer's `window.api` for the render bench, built from the real contract: the real
 * createApi over the in-memory IPC pair, the real registerIpc (payload validation included),
 * and a handler table typed as IpcHandlers, so a channel added to the contract and missing here
 * is a compile error (`npm run typecheck`), not a crash mid-benchmark.
 */
import { registerIpc } from '../../../../src/main/ipc';
import { createApi } from '../../../../src/preload/createApi';
import type { SwitchboardApi } from '../../../../src/shared/api';
import type { ChatStreamBatch, IpcHandlers, SendMessageResponse } from '../../../../src/shared/ipc';
import { HandlerError } from '../../../../src/shared/result';
import { createMemoryIpcPair } from '../../../support/memoryIpc';

/** What the bench does not exercise answers as the app does when a service is missing. */
const notInBench = async (): Promise<never> => {
  throw new HandlerError('unavailable', 'not part of the render benchmark');
};

function benchHandlers(ids: SendMessageResponse): IpcHandlers {
  return {
    getAppInfo: async () => ({
      name: 'Switchboard',
      version: 'bench',
      platform: 'linux',
      shell: 'harness',
    }),
    setUiLanguage: async ({ language }) => ({ language }),
    sendMessage: async () => ids,
    stopStream: async () => ({ stopped: true }),
    listProfiles: async () => ({
      profiles: [],
      defaultProfileId: null,
      keychain: { available: true, message: null },
      firstRun: false,
      startPick: null,
    }),
    getNotices: async () => [],
    getStorageStatus: async () => ({ writable: true }),
    listConversations: async () => ({ items: [], nextCursor: null }),
    getRateLimits: async () => [],
    getConversation: notInBench,
    refreshModels: notInBench,
    renameConversation: notInBench,
    pinConversation: notInBench,
    deleteConversation: notInBench,
    restoreConversation: notInBench,
    updateConversationSettings: notInBench,
    selectMessageVersion: notInBench,
    forkConversation: notInBench,
    measureContext: notInBench,
    setContextPolicy: notInBench,
    summarizeContext: notInBench,
    editSummary: notInBench,
    listPresets: notInBench,
    savePreset: notInBench,
    deletePreset: notInBench,
    setDefaultPreset: notInBench,
    exportPresets: notInBench,
    importPresets: notInBench,
    savePrompt: notInBench,
    deletePrompt: notInBench,
    regenerateMessage: notInBench,
    deleteMessage: notInBench,
    editMessage: notInBench,
    continueMessage: notInBench,
    searchConversations: async () => [],
    exportConversations: notInBench,
    previewImport: notInBench,
    importConversations: notInBench,
    storeAttachment: notInBench,
    getAttachment: notInBench,
    saveProfile: notInBench,
    deleteProfile: notInBench,
    setDefaultProfile: notInBench,
    testConnection: notInBench,
    discoverSetup: async () => ({ candidates: [] }),
    importCandidate: notInBench,
    dismissFirstRun: async () => ({ firstRun: false }),
    getUsageReport: notInBench,
    exportUsageCsv: notInBench,
    listPrices: notInBench,
    setPriceOverride: notInBench,
    removePriceOverride: notInBench,
    getExchanges: async () => [],
    getCaptureSettings: notInBench,
    setCaptureSettings: notInBench,
    startCompare: notInBench,
    stopCompare: notInBench,
    continueCompare: notInBench,
    listBackups: notInBench,
    createBackup: notInBench,
    restoreBackup: notInBench,
    setBackupKeep: notInBench,
    getSyncStatus: notInBench,
    saveSyncSettings: notInBench,
    removeSyncSettings: notInBench,
    syncNow: notInBench,
    listToolServers: notInBench,
    saveToolServer: notInBench,
    removeToolServer: notInBench,
    restartToolServer: notInBench,
    signInToolServer: notInBench,
    signOutToolServer: notInBench,
    importToolServers: notInBench,
    setToolSettings: notInBench,
    answerToolApproval: notInBench,
    getConversationTools: notInBench,
    setConversationTools: notInBench,
    getSearchSettings: notInBench,
    saveSearchSettings: notInBench,
    testSearch: notInBench,
    listKnowledge: notInBench,
    createKnowledgeCollection: notInBench,
    deleteKnowledgeCollection: notInBench,
    indexKnowledgeCollection: notInBench,
    cancelKnowledgeIndex: notInBench,
    listKnowledgeDocuments: notInBench,
  };
}

/** The api, and a way to deliver stream batches through the real event channel. */
export function createBenchApi(
  ids: SendMessageResponse,
  /** Channels a bench answers its own way (the long-chat bench's conversations). */
  overrides: Partial<IpcHandlers> = {},
): {
  api: SwitchboardApi;
  deliver: (batch: ChatStreamBatch) => void;
} {
  const pair = createMemoryIpcPair('http://127.0.0.1/bench');
  registerIpc(pair.main, { ...benchHandlers(ids), ...overrides }, { isTrustedSender: () => true });
  return { api: createApi(pair.renderer), deliver: (batch) => pair.emit('chatStream', batch) };
}
