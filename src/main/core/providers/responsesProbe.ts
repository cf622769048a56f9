/**
 * The connection test's Responses call: the cheapest real answer, never stored at the provider.
 * Its own file so chatCompletions.ts (which builds both probes) need not import the adapter.
 */
export function responsesProbeBody(model: string) {
  // A small cap, not 1: a reasoning model spends tokens thinking before it writes any.
  return { model, input: 'ping', max_output_tokens: 16, store: false };
}
