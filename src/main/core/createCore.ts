import type { AppInfo, EventSink, IpcHandlers } from '../../shared/ipc';
import { ChatService } from './chat/ChatService';
import { profileFromEnv } from './profiles/envProfile';
import { createOpenAIChatAdapter } from './providers/openaiChatAdapter';
import { createConversationHandlers } from './store/conversationHandlers';
import { openStore, type Store } from './store/Store';

export interface CoreOptions {
  /** Where the app keeps its data (SQLite, exchanges). */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  appInfo: AppInfo;
  emit: EventSink;
}

export interface Core {
  handlers: IpcHandlers;
  chat: ChatService;
  store: Store;
  /** Waits for running streams to end and releases resources. */
  close(): Promise<void>;
}

/**
 * The composition shared by the Electron main process, the browser harness and tests:
 * the same services, the same handler table. Throws StoreOpenError (with a message for the
 * person) when the history cannot be opened, e.g. one written by a newer version.
 */
export function createCore(options: CoreOptions): Core {
  const store = openStore({ dataDir: options.dataDir });
  const chat = new ChatService({
    activeProfile: () => profileFromEnv(options.env),
    adapterFor: async (profile) =>
      createOpenAIChatAdapter(profile, options.env.OPENAI_API_KEY ?? null),
    emit: options.emit,
    store,
  });

  const handlers: IpcHandlers = {
    getAppInfo: async () => options.appInfo,
    sendMessage: async (request) => chat.send(request),
    stopStream: async ({ streamId }) => ({ stopped: chat.stop(streamId) }),
    ...createConversationHandlers({ store, chat, emit: options.emit }),
  };

  return {
    handlers,
    chat,
    store,
    async close() {
      await chat.idle();
      store.close();
    },
  };
}
