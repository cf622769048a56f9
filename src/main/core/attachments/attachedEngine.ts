import type { StreamEvent } from '../../../shared/stream';
import type { ChatServiceDeps } from '../chat/ChatServiceDeps';
import { providerFor } from '../providers/registry';
import type { ChatRequest } from '../providers/types';
import { prepareTurn, type AttachmentSource } from './turnsWithAttachments';
import { isSaid, spoken } from '../../../shared/said';

type Engine = NonNullable<ChatServiceDeps['engine']>;

/** A provider's refusal of an image, told as what it means: this model cannot see. */
export function explainImageRefusal(event: StreamEvent, model: string): StreamEvent {
  if (event.type !== 'error' || event.error.kind !== 'bad_request') return event;
  if (!/image|vision|multimodal|modalit/i.test(event.error.message)) return event;
  const words = spoken('attachments.imageRefused', { model, detail: event.error.message });
  return { ...event, error: { ...event.error, ...words } };
}

/**
 * The engine under every answer (chat, regenerate, edit, continue), attachments made ready:
 * before the call, each turn's `attached` references become the provider's own payloads
 * (turnsWithAttachments.ts); a problem (a model known not to see, a file gone) ends the answer
 * with its message before any request; a provider's 400 about an image is explained. A request
 * with no attachments goes to the engine as it is.
 */
export function attachedEngine(engine: Engine, source: AttachmentSource): Engine {
  // Without attachments the engine's own stream is returned: no generator layer on every chunk.
  return (target, request, options) =>
    request.messages.some((turn) => turn.role === 'user' && turn.attached?.length)
      ? withAttachments(engine, source, target, request, options)
      : engine(target, request, options);
}

async function* withAttachments(
  engine: Engine,
  source: AttachmentSource,
  ...[target, request, options]: Parameters<Engine>
): AsyncIterable<StreamEvent> {
  let prepared: ChatRequest;
  try {
    const sending = {
      source,
      rules: providerFor(target.profile.type).attachments,
      profile: target.profile,
      model: request.model,
    };
    const messages = await Promise.all(request.messages.map((t) => prepareTurn(t, sending)));
    prepared = { ...request, messages };
  } catch (error) {
    // An AttachmentProblem (or the image scaler's refusal) carries its words' code.
    const said = (error as { said?: unknown } | null)?.said;
    const words =
      error instanceof Error
        ? { message: error.message, ...(isSaid(said) ? { said } : {}) }
        : spoken('attachments.unreadable');
    yield { type: 'error', error: { kind: 'bad_request', status: null, ...words } };
    yield {
      type: 'finish',
      finishReason: 'error',
      providerFinishReason: null,
      timing: { ttftMs: null, totalMs: 0 },
    };
    return;
  }
  const images = prepared.messages.some(
    (t) => t.role === 'user' && t.attachments?.some((a) => a.kind === 'image'),
  );
  for await (const event of engine(target, prepared, options))
    yield images ? explainImageRefusal(event, request.model) : event;
}
