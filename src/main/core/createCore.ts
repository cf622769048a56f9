import type { AppInfo, EventSink, IpcHandlers } from '../../shared/ipc';
import { ChatService } from './chat/ChatService';
import { apiKeyFromEnv, profileFromEnv } from './profiles/envProfile';

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
  /** Waits for running streams to end and releases resources. */
  close(): Promise<void>;
}

/**
 * The composition shared by the Electron main process, the browser harness and tests:
 * the same services, the same handler table.
 */
export function createCore(options: CoreOptions): Core {
  const chat = new ChatService({
    activeProfile: () => profileFromEnv(options.env),
    targetFor: async (profile) => ({ profile, apiKey: apiKeyFromEnv(profile, options.env) }),
    emit: options.emit,
  });

  const handlers: IpcHandlers = {
    getAppInfo: async () => options.appInfo,
    sendMessage: async (request) => chat.send(request),
    stopStream: async ({ streamId }) => ({ stopped: chat.stop(streamId) }),
  };

  return {
    handlers,
    chat,
    async close() {
      await chat.idle();
    },
  };
}
