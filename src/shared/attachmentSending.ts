import type { ProviderType } from './profiles';
import { wireApiFor, type WireApi } from './wireApi';

/**
 * How each provider takes attachments, as data both sides read: main (the provider modules'
 * `attachments`, providers/attachmentRules.ts) when it sends, the composer's chips when they
 * say beforehand how each file will go. Sources in docs/ENGINE.md, "Attachments".
 */

export interface ImageLimits {
  /** The longest edge in pixels; a larger image is scaled down before it is sent. */
  maxEdge: number;
  /** The largest encoded image; a larger one is scaled and re-encoded until it fits. */
  maxBytes: number;
}

const MB = 1024 * 1024;

/**
 * OpenAI vision guide: high detail fits an image within 2048 × 2048, 20 MB per image at most
 * (Azure and compatible servers get the same). Anthropic vision guide: a long edge over 1568 px
 * is scaled down by the API anyway, 5 MB per image at most. Gemini: inline data must keep the
 * whole request under 20 MB, so each image is kept to 3072 px and 7 MB.
 */
export const imageLimits: Record<ProviderType, ImageLimits> = {
  openai: { maxEdge: 2048, maxBytes: 20 * MB },
  azure: { maxEdge: 2048, maxBytes: 20 * MB },
  'openai-compatible': { maxEdge: 2048, maxBytes: 20 * MB },
  anthropic: { maxEdge: 1568, maxBytes: 5 * MB },
  gemini: { maxEdge: 3072, maxBytes: 7 * MB },
};

/**
 * Whether the provider reads a PDF itself: OpenAI (Chat Completions `file` parts, Responses
 * `input_file`), Anthropic (`document` blocks) and Gemini (inline PDF) do; Azure on its v1
 * Responses path; a compatible server is not known to, so it gets the PDF's text.
 */
export function readsPdfNatively(profile: {
  type: ProviderType;
  api?: WireApi | undefined;
  baseUrl?: string | undefined;
}): boolean {
  switch (profile.type) {
    case 'openai':
    case 'anthropic':
    case 'gemini':
      return true;
    case 'azure':
      return wireApiFor({ api: profile.api, baseUrl: profile.baseUrl ?? '' }) === 'responses';
    case 'openai-compatible':
      return false;
  }
}
