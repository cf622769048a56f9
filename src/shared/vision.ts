import type { ProviderType } from './profiles';

/**
 * Whether a model can see images, where that is known: true for the families whose providers
 * document vision, false for those documented as text only, null when not known (a local or
 * gateway model), in which case the image is sent and the provider's own 400 is explained.
 */
const textOnly = [
  /^gpt-3\.5/i,
  /^gpt-4-(0314|0613|32k)/i,
  /^o1-mini/i,
  /^o3-mini/i,
  /^deepseek-(chat|reasoner|coder)/i,
  /^claude-(2|instant)/i,
  /^text-/i,
];
const vision = [
  /^gpt-4o/i,
  /^gpt-4\.1/i,
  /^gpt-4-turbo/i,
  /^gpt-5/i,
  /^o1(-\d|$)/i,
  /^o3(-\d|$|-pro)/i,
  /^o4/i,
  /^claude-(3|sonnet|opus|haiku)/i,
  /^(models\/)?gemini-/i,
];

export function seesImages(_type: ProviderType, model: string): boolean | null {
  if (textOnly.some((pattern) => pattern.test(model))) return false;
  if (vision.some((pattern) => pattern.test(model))) return true;
  return null;
}

/** What a person is told when the model answering cannot see the attached images. */
export function noVisionMessage(model: string): string {
  return `${model} cannot see images, so nothing was sent. Pick a model with vision (GPT-4o, Claude, Gemini) and regenerate, or remove the image.`;
}
