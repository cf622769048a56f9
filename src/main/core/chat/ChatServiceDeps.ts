import type { EventSink } from '../../../shared/ipc';
import type { StreamEvent } from '../../../shared/stream';
import type { EngineOptions } from '../providers/streamChat';
import type { ExchangeCapture } from '../exchanges/ExchangeCapture';
import type { AppLog } from '../logging/AppLog';
import type { ChatRequest, ProviderProfile, ProviderTarget } from '../providers/types';
import type { Store } from '../store/Store';
import type { UsageWriter } from '../usage/UsageWriter';
import type { AnswerSaving } from './AnswerRecorder';

/** What ChatService is built from: the profiles, the engine, the store and where events go. */
export interface ChatServiceDeps {
  /** The profile new messages go to (the keys and profiles issue makes this a choice). */
  activeProfile: () => ProviderProfile;
  /** Resolves the profile's credentials (KeyStore, environment) just before a call. */
  targetFor: (profile: ProviderProfile) => Promise<ProviderTarget>;
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
  /**
   * A conversation's own profile (a compare column continued as a conversation keeps its
   * profile); absent or not found: the active one.
   */
  profileFor?: (id: string) => ProviderProfile | undefined;
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
  /** The crash log: a failed answer is noted there, so a bug report can say what the provider said. */
  log?: AppLog;
}
