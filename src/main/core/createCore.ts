import { attachedEngine } from './attachments/attachedEngine';
import { attachmentTokenCounter } from './attachments/attachmentTokens';
import { join } from 'node:path';
import { AttachmentService } from './attachments/AttachmentService';
import { ATTACHMENTS_DIR, AttachmentStore } from './attachments/AttachmentStore';
import type { AppInfo, EventSink, IpcHandlers } from '../../shared/ipc';
import { ChatService } from './chat/ChatService';
import { ContextService, type ContextServiceDeps } from './context/ContextService';
import { PresetStore } from './presets/PresetStore';
import { CompareService } from './compare/CompareService';
import { createHandlerTable } from './coreHandlers';
import type { UiLanguage } from '../../shared/locales/languages';
import { openDataServices, type DataServices } from './dataServices';
import { ExchangeCapture } from './exchanges/ExchangeCapture';
import type { AppLog } from './logging/AppLog';
import { NoticeBoard } from './notices';
import { createMemoryPreferences, type PreferencesStore } from './preferences/PreferencesStore';
import { envKeyNames } from './profiles/envProfile';
import { ModelCatalog } from './profiles/modelCatalog';
import { PickMemory } from './profiles/startPick';
import { ProfileService } from './profiles/ProfileService';
import { createProfileResolver, type ProfileResolver } from './profiles/ProfileResolver';
import { streamChat } from './providers/streamChat';
import type { ProviderTarget } from './providers/types';
import { entraSourcePerProfile } from './secrets/entraSources';
import type { KeyStore } from './secrets/KeyStore';
import { KnownSecrets } from './secrets/KnownSecrets';
import { createMemoryKeyStore } from './secrets/memoryKeyStore';
import { SecretVault } from './secrets/SecretVault';
import type { PersistSave } from './store/PendingSaves';
import type { StorageHealth } from './store/StorageHealth';
import type { Store } from './store/Store';
import { superviseHistory, type UnsavedAtQuit } from './store/superviseHistory';
import { PriceOverrides } from './usage/priceOverrides';
import { UsageWriter } from './usage/UsageWriter';
import { startTools } from './tools/ToolService';
import { SearchService } from './search/SearchService';
import { answerToolsWithSearch } from './search/searchTool';
import { KnowledgeService } from './knowledge/KnowledgeService';
import { knowledgeEngine } from './knowledge/knowledgeEngine';
import type { Spoken } from '../../shared/said';

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
  startupNotices?: (string | Spoken)[];
  /** The secrets the crash log strikes out; the core adds every key it reads. */
  knownSecrets?: KnownSecrets;
  /** The crash log (absent: nothing is logged, as in unit tests). */
  log?: AppLog;
  /** When the history's pages are checked after start (default 3 s; see integrityCheck.ts). */
  integrityCheckDelayMs?: number;
  /** Where saves go at quit when the history and its folder have no room (default: temp folder). */
  unsavedSpareDir?: string;
  /** Restoring a backup: the host closes this core and opens the history again (coreHost.ts). */
  restore?: (backupName: string) => Promise<void>;
  /** The page chose its language: the Electron shell rebuilds its menu (absent: ignored). */
  onUiLanguage?: (language: UiLanguage) => void;
  /** The page's language now (coreHost.ts keeps it), for pages main serves itself (OAuth). */
  uiLanguage?: () => UiLanguage;
  /** Opens a URL in the person's browser (OAuth sign-in of a tool server; absent: not opened). */
  openUrl?: (url: string) => void | Promise<void>;
  /** When the first daily-backup look runs after start (default 30 s). */
  backupDelayMs?: number;
}

export interface Core {
  handlers: IpcHandlers;
  chat: ChatService;
  /** Turns a profile id (none: the default) into a ready target, or says why it cannot. */
  profiles: ProfileResolver;
  /** The profile (given, or the default one) with its key and headers: what an adapter needs. */
  resolveTarget(profileId?: string): Promise<ProviderTarget>;
  store: Store;
  /** Settings › Data: backups (and sync). */
  data: DataServices;
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
  // A failure no request asked for (a save that is not a storage fault: a bug) goes to the log.
  const onInternalError = (error: unknown) =>
    options.log ? options.log.error('[core] unexpected failure:', error) : console.error(error);
  const notices = openNotices(options);
  const { store, health, pendingSaves, ...history } = superviseHistory({
    dataDir: options.dataDir,
    notify: (message, level) => notices.post(message, level),
    onStatus: (status) => options.emit('storageStatus', status),
    onInternalError,
    log: options.log,
    integrityCheckDelayMs: options.integrityCheckDelayMs,
    spareDir: options.unsavedSpareDir,
  });
  const preferences = options.preferences ?? createMemoryPreferences();
  const capture = pruneExchangesAtStart(new ExchangeCapture(store.exchanges, preferences), health);
  const prices = pricesFromSettings(store, preferences);
  const persist: PersistSave = (save, how) => pendingSaves.run(save, how);
  // The one usage writer: every call's row and headroom, waiting with the answers through a fault.
  const usage = new UsageWriter(store, { persist });
  const known = options.knownSecrets ?? new KnownSecrets();
  const targetDeps = {
    profiles: new ProfileService(preferences, (message) => notices.post(message)),
    vault: openVault(options, known),
    env: options.env,
    entra: entraSourcePerProfile((message) => notices.post(message, 'info')),
    notices,
    known,
  };
  // The one place a profile id becomes a ready target, for chat, titles and compare alike.
  const resolver = createProfileResolver(targetDeps);
  const attachments = openAttachments(options.dataDir, store, health);
  const { knowledge, engine } = answerEngine({ usage, attachments, store, resolver }, options);
  const { tools, search, answerTools } = openTools(options, preferences, { ...targetDeps, usage });
  const context = openContext({ store, profiles: resolver, engine, usage }, attachments, knowledge);
  const chat = new ChatService({
    ...{ tools: answerTools, profiles: resolver },
    engine,
    context,
    emit: options.emit,
    store,
    capture,
    usage,
    saving: { persist, partialFailed: (error) => void health.report(error, { waiting: true }) },
    onInternalError,
    log: options.log,
    attachments,
  });
  const compare = new CompareService({
    ...{ profiles: resolver, store, engine, usage, attachments },
    emit: (batch) => options.emit('compareStream', batch),
  });
  const dataDeps = { store, preferences, notices, health, vault: targetDeps.vault };
  const data = openDataServices({ ...options, ...dataDeps, attachments: attachments.files });
  const handlers = createHandlerTable({
    ...{ appInfo: options.appInfo, emit: options.emit, store, health, chat, compare, capture },
    ...{ usage, prices, targetDeps, attachments, tools, dataHandlers: data.handlers },
    ...{ context, presets: new PresetStore(preferences), search, knowledge },
    catalog: new ModelCatalog(preferences),
    picks: new PickMemory(preferences),
  });
  return {
    handlers,
    chat,
    profiles: resolver,
    resolveTarget: (profileId) => resolver.target(profileId),
    store,
    data,
    unsavedCount() {
      pendingSaves.retry();
      return pendingSaves.size;
    },
    async close() {
      // A call that ended in a bug must not keep the file open: the waiting saves get their last
      // try and the database closes whatever happened.
      const ends = [chat.idle(), compare.idle(), tools.manager.stopAll(), knowledge.stopAll()];
      const calls = await Promise.allSettled(ends);
      for (const call of calls) if (call.status === 'rejected') onInternalError(call.reason);
      await data.stop();
      const atQuit = history.stop();
      store.close();
      return atQuit;
    },
  };
}

/** The MCP tools, and the person's search provider as the built-in web_search tool beside them. */
function openTools(
  options: CoreOptions,
  preferences: PreferencesStore,
  deps: { vault: SecretVault; notices: NoticeBoard; known: KnownSecrets; usage: UsageWriter },
) {
  const { vault, notices, known } = deps;
  const tools = startTools({ ...options, preferences, vault, notices, known });
  const search = new SearchService({ preferences, vault: deps.vault });
  const answerTools = answerToolsWithSearch({
    ...{ search, mcp: tools, approvals: tools.approvals },
    alwaysAllowed: () => tools.prefs.alwaysAllowed(),
    maxSteps: () => tools.prefs.settings().maxSteps,
    usage: deps.usage,
  });
  return { tools, search, answerTools };
}

/** Prices from settings first; the ledger fixes each row's cost with them at record time. */
function pricesFromSettings(store: Store, preferences: PreferencesStore): PriceOverrides {
  const prices = new PriceOverrides(preferences);
  store.ledger.usePrices((model) => prices.priceFor(model));
  return prices;
}

/** The context window's service, counting attachments as they would be sent and passages' room. */
function openContext(
  deps: Omit<ContextServiceDeps, 'attachmentTokens'>,
  attachments: AttachmentService,
  knowledge: KnowledgeService,
): ContextService {
  return new ContextService({
    ...deps,
    attachmentTokens: attachmentTokenCounter(attachments.files),
    passageTokens: (collections, count) => knowledge.passageTokens(collections, count),
  });
}

/**
 * The engine under answers and compare: a conversation's knowledge collections searched first
 * (their passages go as context), then attachments read and shaped for the provider just before
 * each call, the usage writer noting headroom. Knowledge bases live in the history file, each
 * indexed with the embeddings profile it names.
 */
function answerEngine(
  deps: {
    usage: UsageWriter;
    attachments: AttachmentService;
    store: Store;
    resolver: ProfileResolver;
  },
  options: CoreOptions,
) {
  const knowledge = new KnowledgeService({
    db: () => deps.store.db,
    target: (profileId) => deps.resolver.target(profileId),
    onProgress: (progress) => options.emit('knowledgeProgress', progress),
  });
  knowledge.resumeInterrupted(); // a pass the last quit cut off goes on
  const attached = attachedEngine(deps.usage.tapEngine(streamChat), deps.attachments.files);
  return { knowledge, engine: knowledgeEngine(attached, knowledge) };
}

/** The notice board, posting to the window, with what the start found already on it. */
function openNotices(options: CoreOptions): NoticeBoard {
  const notices = new NoticeBoard();
  notices.onPost((notice) => options.emit('appNotice', notice));
  options.startupNotices?.forEach((message) => notices.post(message));
  return notices;
}

/**
 * Old exchanges go at start as well as after each save, so a quiet week still frees the space.
 * A read-only history has nothing to free; a full disk says so and the session goes on.
 */
function pruneExchangesAtStart(capture: ExchangeCapture, health: StorageHealth): ExchangeCapture {
  if (!health.status.writable) return capture;
  try {
    capture.prune();
  } catch (error) {
    if (health.report(error) === null) throw error;
  }
  return capture;
}

/** Attachment files beside the history; files no message names are swept at start. */
function openAttachments(dataDir: string, store: Store, health: StorageHealth) {
  const files = new AttachmentStore(() => store.db, join(dataDir, ATTACHMENTS_DIR));
  if (health.status.writable) {
    try {
      files.sweep();
    } catch (error) {
      if (health.report(error) === null) throw error;
    }
  }
  return new AttachmentService(files);
}

/** The keychain behind the vault; each key from the environment is known to the crash log too. */
function openVault(options: CoreOptions, known: KnownSecrets): SecretVault {
  for (const name of envKeyNames) known.add(options.env[name]);
  return new SecretVault(options.keyStore ?? createMemoryKeyStore(), undefined, known);
}
