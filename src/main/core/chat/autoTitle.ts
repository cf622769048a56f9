import type { EventSink } from '../../../shared/ipc';
import { AnswerFold } from '../../../shared/answerFold';
import type { StreamEvent } from '../../../shared/stream';
import type { EngineOptions } from '../providers/streamChat';
import type { ChatRequest, ProviderProfile, ProviderTarget } from '../providers/types';
import type { ProfileResolver } from '../profiles/ProfileResolver';
import type { Store } from '../store/Store';
import type { UsageWriter } from '../usage/UsageWriter';
import { cleanTitle, titleIsComplete, titleRequest } from './conversationTitle';

/** A title that has not come in this long is given up (the provisional one stays). */
const TITLE_TIMEOUT_MS = 20_000;

export interface AutoTitleDeps {
  engine: (
    target: ProviderTarget,
    request: ChatRequest,
    options: EngineOptions,
  ) => AsyncIterable<StreamEvent>;
  /** The title goes to the answer's own profile, resolved as any call is. */
  profiles: Pick<ProfileResolver, 'target'>;
  /** Counts the title call, through the same save policy as the answer's own row. */
  usage: UsageWriter;
  store: Store;
  emit: EventSink;
}

/**
 * Names a new conversation from its first exchange. The title call goes through the same adapter
 * path as any answer and is counted the same way. It is bounded: stopped once the first line is
 * complete, or after TITLE_TIMEOUT_MS.
 */
export async function makeTitle(
  deps: AutoTitleDeps,
  input: {
    conversationId: string;
    profile: ProviderProfile;
    model: string;
    question: string;
    answer: string;
  },
): Promise<void> {
  const { conversationId, profile, model } = input;
  const request = titleRequest(profile.type, model, input.question, input.answer);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TITLE_TIMEOUT_MS);
  const fold = new AnswerFold();
  try {
    const target = await deps.profiles.target(profile.id);
    for await (const event of deps.engine(target, request, { signal: controller.signal })) {
      const grew = fold.push(event);
      // A title is a line: read again only when text came (it stays a few words long).
      if (grew && titleIsComplete(fold.textOf('text')) && !controller.signal.aborted)
        controller.abort();
    }
  } catch {
    // A title is a nicety: on failure the provisional one stays.
  } finally {
    clearTimeout(timer);
  }
  const { store } = deps;
  deps.usage.recordCall({
    kind: 'title',
    profileId: profile.id,
    provider: profile.type,
    model: fold.model ?? model,
    conversationId,
    messageId: null,
    usage: fold.usage,
    ttftMs: fold.timing?.ttftMs ?? null,
    durationMs: fold.timing?.totalMs ?? null,
    outcome: fold.finishReason ?? 'error',
  });
  const title = fold.finishReason === 'error' ? null : cleanTitle(fold.textOf('text'));
  let titled = false;
  try {
    titled = title !== null && store.conversations.setAutoTitle(conversationId, title);
  } catch {
    // A title is a nicety: when it cannot be saved (a full disk) the provisional one stays.
  }
  if (titled) deps.emit('conversationsChanged', { conversationId });
}
