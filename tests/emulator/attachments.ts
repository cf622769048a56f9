import type { ServerResponse } from 'node:http';
import type { Dialect } from './faults';
import { sendJson } from './openaiDialect';

/**
 * Attachments in the emulator: a model whose name says `text-only` refuses any image with its
 * provider's own 400, the way a model without vision does, so the app's explanation of that
 * error can be tested over the wire.
 */

/** The text of a Chat Completions message: a string, or its `text` parts joined. */
export function chatContentText(content: string | { type?: string; text?: string }[] | undefined) {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}

/** Whether a request body carries an image in any dialect's shape. */
function carriesImage(body: unknown): boolean {
  const text = JSON.stringify(body ?? null);
  return /"type":"(image_url|input_image|image)"|"inlineData":\{"mimeType":"image\//.test(text);
}

const refusals: Record<Dialect, [number, unknown]> = {
  openai: [
    400,
    {
      error: {
        message: 'Invalid content type. image_url is only supported by certain models.',
        type: 'invalid_request_error',
        param: 'messages.[0].content.[1].type',
        code: null,
      },
    },
  ],
  azure: [
    400,
    {
      error: {
        message: 'Invalid content type. image_url is only supported by certain models.',
        type: 'invalid_request_error',
        param: 'messages.[0].content.[1].type',
        code: null,
      },
    },
  ],
  anthropic: [
    400,
    {
      type: 'error',
      error: { type: 'invalid_request_error', message: 'This model does not support image input.' },
    },
  ],
  gemini: [
    400,
    {
      error: {
        code: 400,
        message: 'Image input modality is not enabled for this model.',
        status: 'INVALID_ARGUMENT',
      },
    },
  ],
};

/** Answers the refusal and returns true when a text-only model was sent an image. */
export function refusedImage(
  res: ServerResponse,
  dialect: Dialect,
  model: string,
  body: unknown,
): boolean {
  if (!/text-only/.test(model) || !carriesImage(body)) return false;
  const [status, payload] = refusals[dialect];
  sendJson(res, status, payload);
  return true;
}
