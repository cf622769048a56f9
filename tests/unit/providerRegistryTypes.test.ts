/**
 * Type-level proof that the registry is complete: each `@ts-expect-error` below is checked by
 * `npm run typecheck` (tsconfig includes tests), which fails if the line ever compiles, that is,
 * if a module missing a piece or a registry missing a type were accepted.
 */
import { describe, expect, it } from 'vitest';
import type { ProviderModule } from '../../src/main/core/providers/ProviderModule';
import { providers, type ProviderRegistry } from '../../src/main/core/providers/registry';

const { connectionTest: _test, ...withoutConnectionTest } = providers.anthropic;
const { rateLimitFrom: _limits, ...withoutRateLimits } = providers.openai;
const { anthropic: _anthropic, ...withoutAnthropic } = providers;

// @ts-expect-error a module without its connection test is not a provider module
const noConnectionTest: ProviderModule = withoutConnectionTest;
// @ts-expect-error a module that cannot read its rate-limit headers is not a provider module
const noRateLimits: ProviderModule = withoutRateLimits;
// @ts-expect-error a registry without a line for every provider type does not compile
const noAnthropic = withoutAnthropic satisfies ProviderRegistry;
// @ts-expect-error a module filed under another type's name is refused (its type must match)
const misfiled = { ...providers, azure: providers.openai } satisfies ProviderRegistry;

describe('provider registry types', () => {
  it('the incomplete shapes above really lack their piece', () => {
    expect('connectionTest' in noConnectionTest).toBe(false);
    expect('rateLimitFrom' in noRateLimits).toBe(false);
    expect(Object.keys(noAnthropic)).not.toContain('anthropic');
    expect(misfiled.azure.type).toBe('openai');
  });
});
