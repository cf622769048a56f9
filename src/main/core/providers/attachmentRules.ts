import { wireApiFor } from '../../../shared/wireApi';
import type { AttachmentRules } from './ProviderModule';

/**
 * Each provider's documented image limits and whether it reads PDFs itself (docs/ENGINE.md,
 * "Attachments", cites each). An image larger than `maxEdge` or `maxBytes` is scaled down with
 * sharp before it is sent; a PDF a provider cannot read goes as its extracted text.
 */

/** OpenAI vision guide: high detail fits an image within 2048 × 2048; 20 MB per image at most. */
const OPENAI_IMAGES = { maxEdge: 2048, maxBytes: 20 * 1024 * 1024 };

/** Chat Completions `file` parts and Responses `input_file` both take a PDF as base64. */
export const openAIAttachments: AttachmentRules = { image: OPENAI_IMAGES, readsPdf: () => true };

/** Azure's v1 Responses path takes `input_file`; its Chat Completions deployments are not known to. */
export const azureAttachments: AttachmentRules = {
  image: OPENAI_IMAGES,
  readsPdf: (profile) => wireApiFor(profile) === 'responses',
};

/** A compatible server may not read PDFs at all; images go as OpenAI's would. */
export const compatibleAttachments: AttachmentRules = {
  image: OPENAI_IMAGES,
  readsPdf: () => false,
};

/**
 * Anthropic vision guide: a long edge over 1568 px is scaled down by the API anyway (so scaling
 * here saves upload and latency), 5 MB per image at most; PDFs are `document` blocks.
 */
export const anthropicAttachments: AttachmentRules = {
  image: { maxEdge: 1568, maxBytes: 5 * 1024 * 1024 },
  readsPdf: () => true,
};

/**
 * Gemini: inline data must keep the whole request under 20 MB (image understanding guide), so
 * images are kept to 3072 px and 7 MB each; PDFs are read natively (document understanding).
 */
export const geminiAttachments: AttachmentRules = {
  image: { maxEdge: 3072, maxBytes: 7 * 1024 * 1024 },
  readsPdf: () => true,
};
