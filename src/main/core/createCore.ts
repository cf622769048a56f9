import type { AppInfo, EventSink, IpcHandlers } from '../../shared/ipc';
import type { Profile } from '../../shared/profiles';
import { ChatService } from './chat/ChatService';
import { CompareService } from './compare/CompareService';
import { ExchangeCapture } from './exchanges/ExchangeCapture';
import { createExchangeHandlers } from './exchanges/exchangeHandlers';
import type { AppLog } from './logging/AppLog';
import { NoticeBoard } from './notices';
import { createMemoryPreferences, type PreferencesStore } from './preferences/PreferencesStore';
import { envKeyNames } from './profiles/envProfile';
import { createChatPickHandlers } from './chat/chatPicks';
import { ModelCatalog } from './profiles/modelCatalog';
import { createProfileHandlers } from './profiles/profileHandlers';
import { PickMemory } from './profiles/startPick';
import { ProfileService } from './profiles/ProfileService';
import { createProfileResolver, type ProfileResolver } from './profiles/ProfileResolver';
import type { ProviderTarget } from './providers/types';
import {
  createAzureCredential,
  createEntraTokenSource,
  type EntraTokenSource,
} from './secrets/entraTokenSource';
import type { KeyStore } from './secrets/KeyStore';
import { KnownSecrets } from './secrets/KnownSecrets';
import { createMemoryKeyStore } from './secrets/memoryKeyStore';
import { SecretVault } from './secrets/SecretVault';
import { createConversationHandlers } from './store/conversationHandlers';
import type { Store } from './store/Store';
import { guardStorage } from './store/storageGuard';
import { superviseHistory, type UnsavedAtQuit } from './store/superviseHistory';
import { streamChat } from './providers/streamChat';
import { PriceOverrides } from './usage/priceOverrides';
import { recordProbe } from './usage/recordProbe';
import { UsageWriter } from './usage/UsageWriter';
import { createUsageHandlers } from './usage/usageHandlers';

export interface CoreOptions {
  /** Where the app keeps its data (SQLite, exchanges). */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  appInfo: AppInfo;
  emit: EventSink;
  /** electron-store in the app, conf in the harness; memory when absent (unit tests). */
  preferences?: PreferencesStore;
  /** The OS keychain (keytar); memory when absent (unit tests). */
  keyStore?: KeyStore;
  /** Messages from opening the stores (a corrupt preferences file moved aside). */
  startupNotices?: string[];
  /** The secrets the crash log strikes out; the core adds every key it reads. */
  knownSecrets?: KnownSecrets;
  /** The crash log (absent: nothing is logged, as in unit tests). */
  log?: AppLog;
  /** When the history's pages are checked after start (default 3 s; see integrityCheck.ts). */
  integrityCheckDelayMs?: number;
  /** Where saves go at quit when the history and its folder have no room (default: temp folder). */
  unsavedSpareDir?: string;
}

export interface Core {
  handlers: IpcHandlers;
  chat: ChatService;
  /** Turns a profile id (none: the default) into a ready target, or says why it cannot. */
  profiles: ProfileResolver;
  /** The profile (given, or the default one) with its key and headers: what an adapter needs. */
  resolveTarget(profileId?: string): Promise<ProviderTarget>;
  store: Store;
  /** Saves still waiting for a full disk or a lock to clear (tried once more first). */
  unsavedCount(): number;
  /**
   * Waits for running streams to end and releases resources; `unsaved`: saves the history did not
   * take, `kept` of them written to `keptIn` for the next start.
   */
  close(): Promise<UnsavedAtQuit>;
}

/**
 * The composition shared by the Electron main process, the browser harness and tests:
 * the same services, the same handler table. A history that cannot be written (read-only folder,
 * full disk, lock, damage) opens read-only with a banner; only one written by a newer version
 * makes this throw StoreOpenError (with a message for the person).
 */
export function createCore(options: CoreOptions): Core {
  const { env } = options;
  // A failure no request asked for (a save that is not a storage fault: a bug) goes to the log.
  const onInternalError = (error: unknown) =>
    options.log ? options.log.error('[core] unexpected failure:', error) : console.error(error);
  const notices = new NoticeBoard();
  notices.onPost((notice) => options.emit('appNotice', notice));
  options.startupNotices?.forEach((message) => notices.post(message));
  const { store, health, pendingSaves, ...history } = superviseHistory({
    dataDir: options.dataDir,
    notify: (message, level) => notices.post(message, level),
    onStatus: (status) => options.emit('storageStatus', status),
    onInternalError,
    log: options.log,
    integrityCheckDelayMs: options.integrityCheckDelayMs,
    spareDir: options.unsavedSpareDir,
  });

  const known = options.knownSecrets ?? new KnownSecrets();
  for (const name of envKeyNames) known.add(env[name]);
  const vault = new SecretVault(options.keyStore ?? createMemoryKeyStore(), undefined, known);
  const preferences = options.preferences ?? createMemoryPreferences();
  const capture = new ExchangeCapture(store.exchanges, preferences);
  // Old exchanges go at start as well as after each save, so a quiet week still frees the space.
  // A read-only history has nothing to free; a full disk says so and the session goes on.
  if (health.status.writable) {
    try {
      capture.prune();
    } catch (error) {
      if (health.report(error) === null) throw error;
    }
  }
  const profiles = new ProfileService(preferences, (message) => notices.post(message));
  // usage: costs are fixed at record time with the prices in force (overrides from settings first).
  const prices = new PriceOverrides(preferences);
  store.ledger.usePrices((model) => prices.priceFor(model));
  // The one usage writer: every call's row and headroom, waiting with the answers through a fault.
  const usage = new UsageWriter(store, { persist: (save, how) => pendingSaves.run(save, how) });
  // One token source per Azure profile, so a token is reused until shortly before it expires.
  const entraSources = new Map<string, EntraTokenSource>();
  const entra = (profile: Profile): EntraTokenSource => {
    let source = entraSources.get(profile.id);
    if (!source) {
      source = createEntraTokenSource(() =>
        createAzureCredential({ onDeviceCode: (message) => notices.post(message, 'info') }),
      );
      entraSources.set(profile.id, source);
    }
    return source;
  };
  const targetDeps = { profiles, vault, env, entra, notices, known };
  const catalog = new ModelCatalog(preferences);
  const picks = new PickMemory(preferences);
  // The one place a profile id becomes a ready target, for chat, titles and compare alike.
  const resolver = createProfileResolver(targetDeps);

  const chat = new ChatService({
    profiles: resolver,
    engine: usage.tapEngine(streamChat),
    emit: options.emit,
    store,
    capture,
    usage,
    saving: {
      persist: (save, how) => pendingSaves.run(save, how),
      partialFailed: (error) => {
        health.report(error, { waiting: true });
      },
    },
    onInternalError,
    log: options.log,
  });

  const compare = new CompareService({
    profiles: resolver,
    emit: (batch) => options.emit('compareStream', batch),
    store,
    engine: usage.tapEngine(streamChat),
    usage,
  });
  const profileHandlers = createProfileHandlers({ ...targetDeps, catalog, picks });
  const conversationHandlers = createConversationHandlers({
    store,
    chat,
    emit: options.emit,
    reportFault: (error) => health.report(error, { tell: false }),
  });
  const chatPickHandlers = createChatPickHandlers({
    store,
    chat,
    picks,
    catalog,
    snapshot: () => profileHandlers.listProfiles({}),
    deleteProfile: profileHandlers.deleteProfile,
    conversationHandlers,
  });

  const handlers: IpcHandlers = guardStorage(
    {
      getAppInfo: async () => options.appInfo,
      getStorageStatus: async () => health.status,
      stopStream: async ({ streamId }) => ({ stopped: chat.stop(streamId) }),
      ...profileHandlers,
      testConnection: recordProbe(profileHandlers.testConnection, usage),
      ...conversationHandlers,
      ...chatPickHandlers,
      ...createUsageHandlers({ store, prices, profiles }),
      ...createExchangeHandlers({ exchanges: store.exchanges, capture }),
      startCompare: async (request) => compare.start(request),
      stopCompare: async ({ compareId }) => ({ stopped: compare.stop(compareId) }),
      continueCompare: async ({ compareId, lane }) => {
        const result = compare.continueAsConversation(compareId, lane);
        options.emit('conversationsChanged', { conversationId: result.conversationId });
        return result;
      },
    },
    health,
  );

  return {
    handlers,
    chat,
    profiles: resolver,
    resolveTarget: (profileId) => resolver.target(profileId),
    store,
    unsavedCount() {
      pendingSaves.retry();
      return pendingSaves.size;
    },
    async close() {
      // A call that ended in a bug must not keep the file open: the waiting saves get their last
      // try and the database closes whatever happened.
      const calls = await Promise.allSettled([chat.idle(), compare.idle()]);
      for (const call of calls) if (call.status === 'rejected') onInternalError(call.reason);
      const atQuit = history.stop();
      store.close();
      return atQuit;
    },
  };
}
