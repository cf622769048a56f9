import { anthropicProvider } from './anthropicProvider';
import { azureProvider } from './azureProvider';
import { compatibleProvider } from './compatibleProvider';
import { geminiProvider } from './geminiProvider';
import { openAIProvider } from './openaiProvider';
import type { ProviderModule } from './ProviderModule';
import { providerTypes, type ProviderType } from './types';

/** One module per provider type, each filed under its own type. */
export type ProviderRegistry = { [T in ProviderType]: ProviderModule & { readonly type: T } };

/**
 * THE provider registry: one module per provider type, each owning all there is to know about
 * it (ProviderModule.ts). A type without a module, or a module missing a piece, does not compile.
 */
export const providers = {
  openai: openAIProvider,
  anthropic: anthropicProvider,
  azure: azureProvider,
  'openai-compatible': compatibleProvider,
  gemini: geminiProvider,
} satisfies ProviderRegistry;

/** The module of one provider type. */
export function providerFor(type: ProviderType): ProviderModule {
  return providers[type];
}

/** Every module, in the order of `providerTypes` (the order Settings lists them in). */
export function allProviders(): ProviderModule[] {
  return providerTypes.map(providerFor);
}
