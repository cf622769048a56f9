/**
 * Which of OpenAI's two wire APIs a profile's chats use: Chat Completions (`/chat/completions`,
 * spoken by OpenAI, Azure and every OpenAI-compatible server) or the Responses API
 * (`/responses`, OpenAI's newer one; some models answer only there). Chosen per profile; the
 * `openai` and `azure` provider modules read it, other types have one API and ignore it.
 */
export const wireApis = ['chat', 'responses'] as const;
export type WireApi = (typeof wireApis)[number];

/** How the settings form, the connection test and the CLI name each API. */
export const wireApiLabels: { readonly [A in WireApi]: string } = {
  chat: 'Chat Completions',
  responses: 'Responses API',
};

/** How a sentence names each API ("the Responses API answered"). */
export const wireApiNames: { readonly [A in WireApi]: string } = {
  chat: 'the Chat Completions API',
  responses: 'the Responses API',
};

/** OpenAI's own API host: the one server known to speak the Responses API everywhere. */
const OPENAI_API_HOST = 'api.openai.com';

/**
 * The API a profile's chats use. Its own setting when it has one; otherwise Responses for
 * OpenAI's own API (api.openai.com) and Chat Completions for every other server: compatible
 * servers and gateways often lack `/responses`, and forcing it on them has broken other clients;
 * Azure resources offer it only on the v1 path in some regions, so Azure asks for the setting.
 */
export function wireApiFor(profile: { api?: WireApi | undefined; baseUrl: string }): WireApi {
  if (profile.api) return profile.api;
  try {
    return new URL(profile.baseUrl).hostname.toLowerCase() === OPENAI_API_HOST
      ? 'responses'
      : 'chat';
  } catch {
    return 'chat';
  }
}
