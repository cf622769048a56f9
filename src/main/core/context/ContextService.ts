import type { ConversationDetail, ConversationThread } from '../../../shared/conversations';
import type { ContextPolicy, ContextReport } from '../../../shared/context';
import { HandlerError } from '../../../shared/result';
import { buildRequest, toTurns } from '../chat/answerPlan';
import type { ChatServiceDeps } from '../chat/ChatServiceDeps';
import type { AttachmentPart } from '../../../shared/messageParts';
import type { AttachmentTokens } from '../attachments/attachmentTokens';
import type { ChatRequest, ProviderProfile } from '../providers/types';
import { found, threadOf } from '../store/conversationLookup';
import type { Store } from '../store/Store';
import type { UsageWriter } from '../usage/UsageWriter';
import { fitTurns, measureContext } from './contextMeasure';
import { contextWindowFor } from './contextWindows';
import { summarize } from './summarize';
import { splitAtSummary, systemWithSummary } from './summarySplit';
import { countIsEstimate, tokenizerFor } from './tokenCounter';
import { spoken } from '../../../shared/said';

export interface ContextServiceDeps {
  store: Store;
  profiles: ChatServiceDeps['profiles'];
  engine: NonNullable<ChatServiceDeps['engine']>;
  usage: UsageWriter;
  /** What attachments add to a question's count (none counted when absent). */
  attachmentTokens?: AttachmentTokens;
  /** The most the collections' passages add to a request (none counted when absent). */
  passageTokens?: (collectionIds: readonly string[], count: (text: string) => number) => number;
}

export interface MeasureRequest {
  conversationId: string | null;
  draft: string;
  /** The draft's attachments, as the composer will send them. */
  attachments?: readonly AttachmentPart[] | undefined;
  profileId?: string | null | undefined;
  model?: string | null | undefined;
  systemPrompt?: string | null | undefined;
  maxTokens?: number | undefined;
  /** The composer's collections; absent: the conversation's. */
  knowledge?: readonly string[] | undefined;
}

/**
 * The context window of a conversation: measured for the composer's meter, fitted at send under
 * the `recent` policy, and summarized once on request under `summary`. Never drops a message
 * without the meter having said so first.
 */
export class ContextService {
  constructor(private readonly deps: ContextServiceDeps) {}

  async measure(request: MeasureRequest): Promise<ContextReport> {
    const { store } = this.deps;
    const conversation = request.conversationId
      ? found(store.conversations.get(request.conversationId))
      : null;
    const profile = this.profileFor(request.profileId ?? conversation?.profileId ?? null);
    const model = request.model ?? conversation?.model ?? profile.defaultModel;
    const history = conversation?.currentLeafId
      ? store.messages.pathTo(conversation.currentLeafId)
      : [];
    const { summary, rest } = splitAtSummary(history);
    const tokenizer = await tokenizerFor(model);
    const turns = toTurns(rest);
    const attached = (parts: readonly AttachmentPart[] | undefined) =>
      parts?.length && this.deps.attachmentTokens
        ? this.deps.attachmentTokens(parts, profile, model, tokenizer.count)
        : Promise.resolve(0);
    const attachedTokens = await Promise.all(
      turns.map((turn) => attached(turn.role === 'user' ? turn.attached : undefined)),
    );
    const draftAttachedTokens = await attached(request.attachments);
    const anyAttached = draftAttachedTokens > 0 || attachedTokens.some((tokens) => tokens > 0);
    const collections = request.knowledge ?? conversation?.parameters.knowledge ?? [];
    return measureContext({
      system: systemWithSummary(
        request.systemPrompt !== undefined
          ? request.systemPrompt
          : (conversation?.systemPrompt ?? null),
        summary,
      ),
      turns,
      draft: request.draft,
      attachedTokens,
      draftAttachedTokens,
      maxTokens: request.maxTokens ?? conversation?.parameters.maxTokens,
      passageTokens: this.passages(collections, tokenizer.count),
      policy: conversation?.contextPolicy ?? null,
      window: contextWindowFor(model, tokenizer.models),
      count: tokenizer.count,
      // An image's count is the provider's formula applied here, never its tokenizer's; a huge
      // or run-on draft is sampled (tokenCounter's bounded()).
      exact: tokenizer.exact && !anyAttached && !countIsEstimate(request.draft),
    });
  }

  /** At send, under `recent`: the newest turns that fit; otherwise the request as built. */
  async fit(request: ChatRequest, conversation: ConversationDetail): Promise<ChatRequest> {
    if (conversation.contextPolicy !== 'recent') return request;
    const tokenizer = await tokenizerFor(request.model);
    const window = contextWindowFor(request.model, tokenizer.models);
    if (!window) return request;
    const system = request.system ? 3 + tokenizer.count(request.system) : 0;
    const passages = this.passages(request.knowledge ?? [], tokenizer.count);
    const budget = window.tokens - (request.maxTokens ?? 0) - system - passages;
    const profile = this.profileFor(conversation.profileId);
    const counter = this.deps.attachmentTokens;
    const attached = await Promise.all(
      request.messages.map((turn) =>
        counter && turn.role === 'user' && turn.attached?.length
          ? counter(turn.attached, profile, request.model, tokenizer.count)
          : 0,
      ),
    );
    return { ...request, messages: fitTurns(request.messages, budget, tokenizer.count, attached) };
  }

  setPolicy(conversationId: string, policy: ContextPolicy | null): ConversationDetail {
    found(this.deps.store.conversations.get(conversationId));
    this.deps.store.conversations.setContextPolicy(conversationId, policy);
    return found(this.deps.store.conversations.get(conversationId));
  }

  /**
   * Summarizes the thread shown, once, with the conversation's own model: the summary becomes a
   * message at the end of the thread (the next question follows it), and the call a usage row.
   */
  async summarize(conversationId: string): Promise<ConversationThread> {
    const { store } = this.deps;
    const conversation = found(store.conversations.get(conversationId));
    if (!conversation.currentLeafId)
      throw new HandlerError('conflict', spoken('context.nothingToSummarize'));
    const profile = this.profileFor(conversation.profileId);
    const history = store.messages.pathTo(conversation.currentLeafId);
    const base = buildRequest(
      {
        conversation,
        history,
        extraTurns: [],
        messageId: '',
        questionId: '',
        base: { parts: [] },
        kind: 'chat',
      },
      profile.defaultModel,
    );
    const tokenizer = await tokenizerFor(base.model);
    const text = await summarize(this.deps, {
      conversationId,
      profile,
      request: base,
      window: contextWindowFor(base.model, tokenizer.models),
      count: tokenizer.count,
    });
    store.db.transaction(() => {
      const stored = store.messages.append({
        conversationId,
        parentId: conversation.currentLeafId,
        role: 'system',
        content: text,
        model: base.model,
        profileId: profile.id,
      });
      store.conversations.setContextPolicy(conversationId, 'summary');
      store.conversations.touch(conversationId, stored.id);
    })();
    return threadOf(store, conversationId);
  }

  /** The person's own words for a summary: what the model reads from then on. */
  editSummary(conversationId: string, messageId: string, text: string): ConversationThread {
    const { store } = this.deps;
    const message = store.messages.get(messageId);
    if (!message || message.conversationId !== conversationId || message.role !== 'system')
      throw new HandlerError('not_found', spoken('context.summaryGone'));
    store.messages.saveStreamingParts(messageId, [{ type: 'text', text }]);
    return threadOf(store, conversationId);
  }

  private passages(collections: readonly string[], count: (text: string) => number): number {
    return collections.length && this.deps.passageTokens
      ? this.deps.passageTokens(collections, count)
      : 0;
  }

  private profileFor(id: string | null): ProviderProfile {
    const { profiles } = this.deps;
    return (id ? profiles.profile(id) : null) ?? profiles.defaultProfile();
  }
}
