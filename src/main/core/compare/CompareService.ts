import type { AttachmentPart } from '../../../shared/messageParts';
import type { AttachmentService } from '../attachments/AttachmentService';
import { questionAttachments } from '../attachments/questionAttachments';
import { textParts } from '../../../shared/messageParts';
import { randomUUID } from 'node:crypto';
import type {
  CompareFiguresView,
  CompareStarted,
  CompareStreamBatch,
} from '../../../shared/compare';
import { HandlerError } from '../../../shared/result';
import { provisionalTitle } from '../chat/conversationTitle';
import { StreamCoalescer } from '../chat/StreamCoalescer';
import type { ProfileResolver } from '../profiles/ProfileResolver';
import type { Store } from '../store/Store';
import { UsageWriter } from '../usage/UsageWriter';
import { runLane, type Engine } from './compareModels';
import { SaidError, spoken, type Said } from '../../../shared/said';

export interface CompareServiceDeps {
  /** Each column's profile, and its ready target just before the call. */
  profiles: ProfileResolver;
  emit: (batch: CompareStreamBatch) => void;
  store: Store;
  flushIntervalMs?: number;
  /** The provider engine; tests may fake it. */
  engine?: Engine;
  /** Where each column's usage row goes (the app's one writer); absent, one over `store`. */
  usage?: UsageWriter;
  /** Stored attachments: the prompt's picks become parts, sent to every column. */
  attachments?: AttachmentService;
}

interface RunningCompare {
  prompt: string;
  /** The prompt's attachments, kept for the conversation a column may become. */
  attached: AttachmentPart[];
  lanes: { profileId: string; model: string }[];
  figures: (CompareFiguresView | null)[];
  controller: AbortController;
  done: Promise<void>;
}

/** Finished comparisons kept for "continue as a conversation"; older ones are forgotten. */
const KEEP = 10;

/**
 * Runs a comparison: every column through the same engine at once, each coalesced to the
 * renderer on its own; keeps the results so any column can become a conversation.
 */
export class CompareService {
  private readonly compares = new Map<string, RunningCompare>();
  private readonly usage: UsageWriter;

  constructor(private readonly deps: CompareServiceDeps) {
    this.usage = deps.usage ?? new UsageWriter(deps.store);
  }

  start(input: {
    prompt: string;
    lanes: { profileId: string; model: string }[];
    stream: boolean;
    attachments?: { id: string; name: string }[] | undefined;
  }): CompareStarted {
    const profiles = input.lanes.map((lane) => {
      const profile = this.deps.profiles.profile(lane.profileId);
      if (!profile) throw new HandlerError('not_found', spoken('ipc.profileGone'));
      return profile;
    });
    // Checked before any column starts: a refusal (limits, a file gone) sends nothing.
    const attached = questionAttachments(this.deps.attachments, input.attachments, profiles[0]!);
    const compareId = randomUUID();
    const controller = new AbortController();
    const figures: (CompareFiguresView | null)[] = input.lanes.map(() => null);
    const runs = input.lanes.map(async (lane, index) => {
      const coalescer = new StreamCoalescer(
        (events) => this.deps.emit({ compareId, lane: index, events }),
        this.deps.flushIntervalMs,
      );
      // A profile that cannot be called (gone, no key) fails its column, saying why; nothing is sent.
      const resolved = await this.deps.profiles.target(profiles[index]!.id).then(
        (target) => ({ target, problem: null }),
        (error: unknown) => ({ target: null, problem: unresolvable(error) }),
      );
      const { target } = resolved;
      const result = target
        ? await runLane(
            {
              target,
              request: {
                model: lane.model,
                messages: [
                  { role: 'user', content: input.prompt, ...(attached.length ? { attached } : {}) },
                ],
                stream: input.stream,
              },
            },
            {
              signal: controller.signal,
              onEvent: (event) => coalescer.push(event),
              // Priced as the ledger row below is, the person's own prices first.
              price: (usage, model) => this.deps.store.ledger.priceCall(usage, model),
              ...(this.deps.engine ? { engine: this.deps.engine } : {}),
            },
          )
        : failed(lane.model, resolved.problem ?? spoken('ipc.keyUnreadable'));
      coalescer.flush();
      figures[index] = result;
      // Compare calls are billed like any other: one ledger row per column that reached a server.
      if (target) {
        this.usage.recordCall({
          kind: 'compare',
          profileId: profiles[index]!.id,
          provider: profiles[index]!.type,
          model: result.model,
          conversationId: null,
          messageId: null,
          usage: result.usage,
          ttftMs: result.ttftMs,
          durationMs: result.totalMs,
          outcome: result.finishReason,
        });
      }
      this.deps.emit({ compareId, lane: index, events: [], figures: result });
    });
    const done = Promise.all(runs).then(() => undefined);
    this.compares.set(compareId, { ...input, attached, figures, controller, done });
    for (const key of [...this.compares.keys()].slice(0, -KEEP)) this.compares.delete(key);
    return {
      compareId,
      lanes: input.lanes.map((lane, i) => ({ ...lane, profileName: profiles[i]!.name })),
    };
  }

  stop(compareId: string): boolean {
    const running = this.compares.get(compareId);
    running?.controller.abort();
    return !!running;
  }

  /** A finished column becomes a conversation: the prompt, its answer, its profile and model. */
  continueAsConversation(compareId: string, lane: number): { conversationId: string } {
    const running = this.compares.get(compareId);
    const figures = running?.figures[lane];
    const choice = running?.lanes[lane];
    if (!running || !choice) throw new HandlerError('not_found', spoken('ipc.comparisonGone'));
    if (!figures) throw new HandlerError('conflict', spoken('ipc.answerNotFinished'));
    const { conversations, messages } = this.deps.store;
    const conversation = conversations.create({
      title: provisionalTitle(running.prompt),
      settings: {
        profileId: choice.profileId,
        model: choice.model,
        systemPrompt: null,
        parameters: {},
      },
    });
    const question = messages.append({
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      content: running.prompt,
      attachments: running.attached,
    });
    const answer = messages.append({
      conversationId: conversation.id,
      parentId: question.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      profileId: choice.profileId,
      model: choice.model,
    });
    messages.finish(answer.id, {
      parts: textParts(figures.text),
      model: figures.model,
      providerMessageId: null,
      usage: figures.usage,
      error: figures.error,
      finishReason: figures.finishReason,
      providerFinishReason: null,
      timing: { ttftMs: figures.ttftMs, totalMs: figures.totalMs },
    });
    conversations.touch(conversation.id, answer.id);
    return { conversationId: conversation.id };
  }

  async idle(): Promise<void> {
    await Promise.all([...this.compares.values()].map((c) => c.done));
  }
}

/** Why a column's profile cannot be called, with its code where it is one of ours. */
function unresolvable(error: unknown): { message: string; said?: Said } {
  if (error instanceof SaidError) return { message: error.message, said: error.said };
  // The keychain's own words, as it said them.
  return error instanceof Error ? { message: error.message } : spoken('ipc.keyUnreadable');
}

function failed(model: string, problem: { message: string; said?: Said }): CompareFiguresView {
  return {
    model,
    text: '',
    finishReason: 'error',
    error: { kind: 'auth', status: null, ...problem },
    usage: null,
    ttftMs: null,
    totalMs: 0,
    tokensPerSecond: null,
    cost: null,
  };
}
