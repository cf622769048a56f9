import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { Content, Part } from '@google/genai';
import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type {
  EasyInputMessage,
  ResponseInputMessageContentList,
} from 'openai/resources/responses/responses';
import type { UserTurn, WireAttachment } from './types';

/**
 * A question's text and attachments in each dialect's own content shape, from the SDKs' types
 * (docs/ENGINE.md, "Attachments"). A question without attachments stays a plain string, so every
 * request without them is byte for byte what it was. The dialects' history builders
 * (`*Tools.ts`, which also shape tool calls and results) hand each user turn to these.
 */

const dataUrl = (mimeType: string, data: string) => `data:${mimeType};base64,${data}`;
const PDF = 'application/pdf';

/** Chat Completions: `image_url` with a data URL; a PDF as a `file` part with `file_data`. */
export function chatCompletionsTurn(turn: UserTurn): ChatCompletionMessageParam {
  if (!turn.attachments?.length) return { role: 'user', content: turn.content };
  const content: ChatCompletionContentPart[] = [];
  if (turn.content) content.push({ type: 'text', text: turn.content });
  for (const item of turn.attachments)
    content.push(
      item.kind === 'image'
        ? { type: 'image_url', image_url: { url: dataUrl(item.mimeType, item.data) } }
        : { type: 'file', file: { filename: item.name, file_data: dataUrl(PDF, item.data) } },
    );
  return { role: 'user', content };
}

/** Responses: `input_text`, `input_image` (a data URL, detail auto), `input_file`. */
export function responsesTurn(turn: UserTurn): EasyInputMessage {
  if (!turn.attachments?.length) return { role: 'user', content: turn.content };
  const content: ResponseInputMessageContentList = [];
  if (turn.content) content.push({ type: 'input_text', text: turn.content });
  for (const item of turn.attachments)
    content.push(
      item.kind === 'image'
        ? { type: 'input_image', image_url: dataUrl(item.mimeType, item.data), detail: 'auto' }
        : { type: 'input_file', filename: item.name, file_data: dataUrl(PDF, item.data) },
    );
  return { role: 'user', content };
}

type AnthropicImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

function anthropicBlock(item: WireAttachment): ContentBlockParam {
  if (item.kind === 'pdf')
    return {
      type: 'document',
      source: { type: 'base64', media_type: PDF, data: item.data },
      title: item.name,
    };
  return {
    type: 'image',
    source: { type: 'base64', media_type: item.mimeType as AnthropicImageType, data: item.data },
  };
}

/**
 * Anthropic: `image` and `document` blocks with base64 sources, before the text, as its vision
 * guide advises ("images before text"); the text block last keeps the caching breakpoint there.
 */
export function anthropicTurn(turn: UserTurn): MessageParam {
  if (!turn.attachments?.length) return { role: 'user', content: turn.content };
  const content = turn.attachments.map(anthropicBlock);
  if (turn.content) content.push({ type: 'text', text: turn.content });
  return { role: 'user', content };
}

/** Gemini: `inlineData` parts (mimeType and base64 data) for images and PDFs alike. */
export function geminiTurn(turn: UserTurn): Content {
  const parts: Part[] = (turn.attachments ?? []).map((item) => ({
    inlineData: { mimeType: item.kind === 'pdf' ? PDF : item.mimeType, data: item.data },
  }));
  if (turn.content || parts.length === 0) parts.push({ text: turn.content });
  return { role: 'user', parts };
}
