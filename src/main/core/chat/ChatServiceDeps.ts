import type { ConversationDetail } from '../../../shared/conversations';
import type { EventSink } from '../../../shared/ipc';
import type { AttachmentService } from '../attachments/AttachmentService';
import type { StreamEvent } from '../../../shared/stream';
import type { EngineOptions } from '../providers/streamChat';
import type { ExchangeCapture } from '../exchanges/ExchangeCapture';
import type { AppLog } from '../logging/AppLog';
import type { ProfileResolver } from '../profiles/ProfileResolver';
import type { ChatRequest, ProviderTarget } from '../providers/types';
import type { Store } from '../store/Store';
import type { UsageWriter } from '../usage/UsageWriter';
import type { AnswerSaving } from './AnswerRecorder';
import type { AnswerTools } from './toolAnswer';

/** What ChatService is built from: the profiles, the engine, the store and where events go. */
export interface ChatServiceDeps {
  /**
   * Which profile answers and with what: a conversation's own profile, the default one, and
   * just before each call its ready target (key, headers, timeouts) or why there is none.
   */
  profiles: ProfileResolver;
  /** The provider engine; tests and benchmarks may wrap it. */
  engine?: (
    target: ProviderTarget,
    request: ChatRequest,
    options: EngineOptions,
  ) => AsyncIterable<StreamEvent>;
  emit: EventSink;
  /** Where conversations live; every answer is saved while it streams. */
  store: Store;
  flushIntervalMs?: number;
  saveIntervalMs?: number;
  /** Off in tests that count provider calls exactly. */
  autoTitle?: boolean;
  /** Records each answer's exchange for the inspector (absent: nothing is captured). */
  capture?: ExchangeCapture;
  /**
   * How an answer's end and its usage row are saved: in the app, kept and retried while the disk
   * is full or the file locked (PendingSaves); absent, at once (a failure throws).
   */
  saving?: AnswerSaving;
  /** Where each call's usage row goes (the app's one writer); absent, one over `store` and `saving`. */
  usage?: UsageWriter;
  /** Where a failure no one asked for goes (the log); console when absent. */
  onInternalError?: (error: unknown) => void;
  /** Stored attachments: a question's picks become parts, and go out as each provider takes them. */
  attachments?: AttachmentService;
  /** The conversation's tools (MCP servers), for the tool loop; absent: no tools. */
  tools?: AnswerTools;
  /** Fits a request to the model's context window as the conversation's policy says. */
  context?: { fit(request: ChatRequest, conversation: ConversationDetail): Promise<ChatRequest> };
  /** The crash log: a failed answer is noted there, so a bug report can say what the provider said. */
  log?: AppLog;
}
