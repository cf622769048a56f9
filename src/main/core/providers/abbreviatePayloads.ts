import { createHash } from 'node:crypto';

/**
 * A captured request body with its attachment payloads abbreviated for the inspector: each
 * base64 data URL (`image_url`, `input_image`, `file_data`) and each bare base64 `data` field
 * (Anthropic's sources, Gemini's `inlineData`) becomes `<attachment TYPE SIZE sha256:…>`, so an
 * exchange shows what was sent without megabytes of base64 (and fits the capture's size cap).
 * Only long runs are touched: a short base64 value is shown as it is.
 */
const DATA_URL = /data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/]{256,}={0,2})/g;
const BARE_DATA = /"data":"([A-Za-z0-9+/]{256,}={0,2})"/g;

export const ABBREVIATED_MARK = '<attachment ';

function describe(base64: string, mimeType: string | null): string {
  const bytes = Buffer.from(base64, 'base64');
  const size =
    bytes.length < 1024 * 1024
      ? `${(bytes.length / 1024).toFixed(1)} KB`
      : `${(bytes.length / (1024 * 1024)).toFixed(1)} MB`;
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `${ABBREVIATED_MARK}${mimeType ? `${mimeType} ` : ''}${size} sha256:${hash}…>`;
}

export function abbreviatePayloads(body: string | null): string | null {
  if (body === null || body.length < 4096) return body;
  return body
    .replace(DATA_URL, (_whole, mimeType: string, data: string) => describe(data, mimeType))
    .replace(BARE_DATA, (_whole, data: string) => `"data":"${describe(data, null)}"`);
}
