import { randomUUID } from 'node:crypto';
import type { SendMessageResponse, ValidRequestOf } from '../../../shared/ipc';
import { attachmentParts, messageText, type MessagePart } from '../../../shared/messageParts';
import { questionAttachments } from '../attachments/questionAttachments';
import { HandlerError } from '../../../shared/result';
import type { StreamEvent } from '../../../shared/stream';
import { streamChat } from '../providers/streamChat';
import type { ChatRequest, ProviderProfile } from '../providers/types';
import type { UsageCallKind } from '../store/UsageLedger';
import { UsageWriter } from '../usage/UsageWriter';
import { AnswerRecorder, saveAtOnce, type AnswerSaving } from './AnswerRecorder';
import type { ChatServiceDeps } from './ChatServiceDeps';
import { makeTitle } from './autoTitle';
import { provisionalTitle } from './conversationTitle';
import { buildRequest, CONTINUE_PROMPT, questionParent, type AnswerPlan } from './answerPlan';
import {
  composerChoices,
  mergeChoices,
  newConversationSettings,
  settingsFromRequest,
} from './composerChoices';
import { StreamCoalescer } from './StreamCoalescer';
import { recordAnswerUsage } from './answerUsage';
import { answerEvents } from './toolAnswer';
import type { ToolStepEnd } from './toolLoop';
import { spoken } from '../../../shared/said';

interface ActiveStream {
  conversationId: string;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Sends a message, streams the answer to the renderer through a coalescer and into the store,
 * and stops it on request. Regenerate and edit add versions beside the old ones; continue grows
 * an interrupted or cut-off answer in place.
 */
export class ChatService {
  private readonly streams = new Map<string, ActiveStream>();
  private readonly background = new Set<Promise<void>>();
  /** Counts every call (answers and titles) through the answers' own save policy. */
  private readonly usage: UsageWriter;

  constructor(private readonly deps: ChatServiceDeps) {
    this.usage =
      deps.usage ??
      new UsageWriter(deps.store, {
        persist: (save, how) => this.saving.persist(save, how),
        unrecorded: (error) => (deps.onInternalError ?? console.error)(error),
      });
  }

  /** The provider engine every call goes through (answers and titles alike). */
  private get engine() {
    return this.deps.engine ?? streamChat;
  }

  /**
   * Sends a message to the picked profile (or the conversation's). The settings panel's state,
   * when sent, becomes the conversation's settings exactly; each answer records what answered it.
   */
  send(input: ValidRequestOf<'sendMessage'>): SendMessageResponse {
    const { conversations, messages } = this.deps.store;
    const picked = input.profileId ? this.deps.profiles.profile(input.profileId) : null;
    if (input.profileId && !picked)
      throw new HandlerError('not_found', spoken('ipc.profileGonePick'));
    const choices = composerChoices(input);
    // One transaction: on a full disk neither the question nor its answer's row is written, so
    // the draft the composer keeps can simply be sent again.
    const plan = this.inTransaction(() => {
      const conversation = input.conversationId
        ? this.conversation(input.conversationId)
        : conversations.create({
            title: provisionalTitle(input.text),
            settings: newConversationSettings(
              picked ?? this.deps.profiles.defaultProfile(),
              input.settings,
            ),
          });
      const settings = settingsFromRequest(input, picked?.id);
      if (input.conversationId && settings) conversations.updateSettings(conversation.id, settings);
      if (choices) {
        const current = this.conversation(conversation.id);
        conversations.updateSettings(conversation.id, mergeChoices(current, choices));
      }
      const parentId = questionParent(conversation.currentLeafId, (id) => messages.get(id));
      const profile = picked ?? this.profileOf(conversation.profileId);
      const attached = questionAttachments(this.deps.attachments, input.attachments, profile);
      return this.prepareQuestion(conversation.id, parentId, input.text, 'chat', attached);
    });
    // tools: a new chat's choice, made before it existed, is kept before its first answer runs.
    if (!input.conversationId && input.toolsOff)
      this.deps.tools?.setOff?.(plan.conversation.id, input.toolsOff);
    return this.startAnswer(plan);
  }

  /** A new answer to the same question, kept beside the earlier ones as a version. */
  regenerate(input: { conversationId: string; messageId: string }): SendMessageResponse {
    const target = this.message(input.conversationId, input.messageId);
    const question =
      target.role === 'user'
        ? target
        : target.parentId
          ? this.message(input.conversationId, target.parentId)
          : null;
    if (!question || question.role !== 'user')
      throw new HandlerError('conflict', spoken('ipc.onlyAnswerRegenerated'));
    const plan = this.inTransaction(() =>
      this.prepareAnswer(input.conversationId, question.id, 'regenerate'),
    );
    return this.startAnswer(plan);
  }

  /** The edited question becomes a new version beside the original, and is answered. */
  edit(input: { conversationId: string; messageId: string; text: string }): SendMessageResponse {
    const original = this.message(input.conversationId, input.messageId);
    if (original.role !== 'user') throw new HandlerError('conflict', spoken('ipc.onlyOwnEdited'));
    const parts = original.parts; // edit and resend keeps the question's attachments
    const plan = this.inTransaction(() =>
      this.prepareQuestion(input.conversationId, original.parentId, input.text, 'edit', parts),
    );
    return this.startAnswer(plan);
  }

  /** Asks the model to go on from where an interrupted or cut-off answer stopped, in place. */
  continue(input: { conversationId: string; messageId: string }): SendMessageResponse {
    const { conversations, messages } = this.deps.store;
    const conversation = this.withLiveProfile(input.conversationId);
    const answer = this.message(input.conversationId, input.messageId);
    if (answer.role !== 'assistant' || answer.status === 'streaming' || !answer.parentId) {
      throw new HandlerError('conflict', spoken('ipc.onlyFinishedContinued'));
    }
    const history = messages.pathTo(answer.parentId);
    this.inTransaction(() => {
      messages.reopen(answer.id);
      conversations.setCurrentLeaf(conversation.id, messages.leafFrom(conversation.id, answer.id));
    });
    const plan: AnswerPlan = {
      conversation,
      history: [...history, answer],
      extraTurns: [{ role: 'user', content: CONTINUE_PROMPT }],
      messageId: answer.id,
      questionId: answer.parentId,
      // An earlier refusal is not carried on: the continuation says what the answer is now.
      base: {
        parts: answer.parts.filter((part) => part.type !== 'refusal'),
        figures: { usage: answer.usage, timing: answer.timing },
      },
      kind: 'continue',
    };
    return this.start(plan);
  }

  /** Aborts the HTTP request at once; what already arrived is kept. */
  stop(streamId: string): boolean {
    const stream = this.streams.get(streamId);
    if (!stream) return false;
    stream.controller.abort();
    return true;
  }

  /** True while an answer in this conversation is being written. */
  isStreaming(conversationId: string): boolean {
    return [...this.streams.values()].some((s) => s.conversationId === conversationId);
  }

  /** Resolves when every running stream and background call has ended (used at quit and by tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => s.done));
    await Promise.all([...this.background]);
  }

  /** A question's row and its answer's placeholder, inside the caller's transaction. */
  private prepareQuestion(
    conversationId: string,
    parentId: string | null,
    text: string,
    kind: UsageCallKind,
    attached: readonly MessagePart[] = [],
  ): AnswerPlan {
    const question = this.deps.store.messages.append({
      conversationId,
      parentId,
      role: 'user',
      content: text,
      attachments: attachmentParts(attached),
    });
    return this.prepareAnswer(conversationId, question.id, kind);
  }

  /** The answer's placeholder row; the caller's transaction commits it with the question. */
  private prepareAnswer(
    conversationId: string,
    questionId: string,
    kind: UsageCallKind,
  ): AnswerPlan {
    const { conversations, messages } = this.deps.store;
    const conversation = this.withLiveProfile(conversationId);
    const profile = this.profileOf(conversation.profileId);
    const placeholder = messages.append({
      conversationId,
      parentId: questionId,
      role: 'assistant',
      content: '',
      status: 'streaming',
      profileId: profile.id,
      model: conversation.model ?? profile.defaultModel,
      parameters: conversation.parameters,
    });
    conversations.touch(conversationId, placeholder.id);
    return {
      conversation,
      history: messages.pathTo(questionId),
      extraTurns: [],
      messageId: placeholder.id,
      questionId,
      base: { parts: [] },
      kind,
    };
  }

  private startAnswer(plan: AnswerPlan): SendMessageResponse {
    this.deps.emit('conversationsChanged', { conversationId: plan.conversation.id });
    return this.start(plan);
  }

  private inTransaction<T>(work: () => T): T {
    return this.deps.store.db.transaction(work)();
  }

  private get saving(): AnswerSaving {
    return this.deps.saving ?? saveAtOnce;
  }

  private start(plan: AnswerPlan): SendMessageResponse {
    const response: SendMessageResponse = {
      conversationId: plan.conversation.id,
      userMessageId: plan.questionId,
      assistantMessageId: plan.messageId,
      streamId: randomUUID(),
    };
    const controller = new AbortController();
    const done = this.run(response, plan, controller.signal)
      // run() settles every answer itself; whatever still escapes is a bug, logged, never a crash.
      .catch((error: unknown) => (this.deps.onInternalError ?? console.error)(error))
      .finally(() => this.streams.delete(response.streamId));
    this.streams.set(response.streamId, {
      conversationId: response.conversationId,
      controller,
      done,
    });
    return response;
  }

  private async run(
    ids: SendMessageResponse,
    plan: AnswerPlan,
    signal: AbortSignal,
  ): Promise<void> {
    const { conversationId, assistantMessageId: messageId, streamId } = ids;
    const coalescer = new StreamCoalescer(
      (events) => this.deps.emit('chatStream', { streamId, conversationId, messageId, events }),
      this.deps.flushIntervalMs,
    );
    const profile = this.profileOf(plan.conversation.profileId);
    // context: under the `recent` policy only the newest turns that fit are sent (the meter said so).
    const built = buildRequest(plan, profile.defaultModel);
    const request =
      (await this.deps.context?.fit(built, plan.conversation).catch(() => built)) ?? built;
    // store: every event also goes to the recorder, which saves the text while it streams.
    const recorder = new AnswerRecorder(
      this.deps.store.messages,
      messageId,
      plan.base,
      this.deps.saveIntervalMs,
      undefined,
      this.saving,
    );
    let finished = false;
    const push = (event: StreamEvent): void => {
      if (event.type === 'finish') finished = true;
      recorder.push(event);
      coalescer.push(event);
    };
    const started = performance.now();
    // inspector: the exchange is recorded per call when capture is on.
    const exchange = this.deps.capture?.recorder();
    const steps: ToolStepEnd[] = [];
    try {
      const target = await this.deps.profiles.target(profile.id);
      const options = exchange ? { signal, observer: exchange } : { signal };
      const call = { target, request, options, ...(exchange ? { exchange } : {}) };
      // tools: with servers on for this conversation, the tool loop runs over the engine.
      const ids = { conversationId, messageId };
      const events = await answerEvents(this.engine, this.deps.tools, ids, call, (step) =>
        steps.push(step),
      );
      for await (const event of events) push(event);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The request failed.';
      push({ type: 'error', error: { kind: 'network', status: null, message } });
    } finally {
      if (!finished) {
        const timing = { ttftMs: null, totalMs: performance.now() - started };
        push({
          type: 'finish',
          finishReason: signal.aborted ? 'cancelled' : 'error',
          providerFinishReason: null,
          timing,
        });
      }
      coalescer.flush();
      if (exchange) {
        const stream = request.stream !== false;
        const timing = recorder.result?.timing ?? null;
        this.deps.capture?.save({
          recorder: exchange,
          messageId: plan.messageId,
          profile,
          model: request.model,
          stream,
          timing,
        });
      }
      // store: count the call, then name a new conversation from its first exchange.
      this.afterAnswer(plan, profile, request, recorder, steps);
    }
  }

  private afterAnswer(
    plan: AnswerPlan,
    profile: ProviderProfile,
    request: ChatRequest,
    recorder: AnswerRecorder,
    steps: readonly ToolStepEnd[],
  ): void {
    const result = recorder.result;
    if (!result) return;
    if (result.error) {
      const { kind, status, message, requestId } = result.error;
      this.deps.log?.warn(
        `[chat] ${plan.kind} answer failed: ${kind}${status === null ? '' : ` (HTTP ${status})`} from ${profile.type} ${request.model}: ${message}${requestId ? ` [request ${requestId}]` : ''}`,
      );
    }
    // After the answer's own save, in the same queue: a usage row never goes in before its answer.
    const call = { ...plan, profile, request, conversationId: plan.conversation.id };
    recordAnswerUsage(this.usage, call, result, steps);
    this.deps.emit('conversationsChanged', { conversationId: plan.conversation.id });
    const question = plan.history.at(-1);
    const firstExchange =
      question?.role === 'user' && question.parentId === null && plan.kind === 'chat';
    if (firstExchange && result.finishReason === 'stop' && (this.deps.autoTitle ?? true)) {
      const task = makeTitle(
        { ...this.deps, engine: this.engine, usage: this.usage },
        {
          conversationId: plan.conversation.id,
          profile,
          model: request.model,
          question: messageText(question.parts),
          answer: messageText(result.parts),
        },
      ).finally(() => this.background.delete(task));
      this.background.add(task);
    }
  }

  /**
   * The conversation, moved to the active profile if its own was deleted: the old profile's
   * model id means nothing elsewhere, so the new profile's default model answers.
   */
  private withLiveProfile(id: string) {
    const conversation = this.conversation(id);
    const own = conversation.profileId ? this.deps.profiles.profile(conversation.profileId) : null;
    if (own) return conversation;
    const active = this.deps.profiles.defaultProfile();
    return (
      this.deps.store.conversations.updateSettings(id, { profileId: active.id, model: null }) ??
      conversation
    );
  }

  private profileOf(profileId: string | null): ProviderProfile {
    const own = profileId ? this.deps.profiles.profile(profileId) : null;
    return own ?? this.deps.profiles.defaultProfile();
  }

  private conversation(id: string) {
    const conversation = this.deps.store.conversations.get(id);
    if (!conversation) throw new HandlerError('not_found', spoken('ipc.conversationGone'));
    return conversation;
  }

  private message(conversationId: string, id: string) {
    const message = this.deps.store.messages.get(id);
    if (!message || message.conversationId !== conversationId)
      throw new HandlerError('not_found', spoken('ipc.messageGone'));
    return message;
  }
}
