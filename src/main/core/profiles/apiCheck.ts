import type { ConnectionReport, ConnectionStep } from '../../../shared/profiles';
import { wireApiLabels, wireApiNames, wireApis, type WireApi } from '../../../shared/wireApi';
import { said, spoken, type SaidParam, type Spoken } from '../../../shared/said';

/** What the connection test concludes about the wire API one of its calls went to. */
export interface ApiVerdict {
  step: ConnectionStep;
  ok: boolean;
  message: Spoken;
  extra: Pick<ConnectionReport, 'api' | 'suggestedApi'>;
}

/** The other of OpenAI's two wire APIs: the one to suggest when this one is refused. */
export function otherApi(api: WireApi): WireApi {
  return wireApis.find((other) => other !== api) ?? api;
}

/**
 * Whether an answer says the server lacks this API: 404 or 405 on its route, or a 400 whose
 * message names the other API's path ("only supported in v1/responses", as OpenAI words it).
 */
export function refusesApi(api: WireApi, status: number, detail: string | null): boolean {
  if (status === 404 || status === 405) return true;
  const otherPath = otherApi(api) === 'responses' ? /\/responses\b/ : /\/chat\/completions\b/;
  return status === 400 && !!detail && otherPath.test(detail);
}

/** The refusal in words a person can act on, naming the setting to change. */
export function refusedMessage(api: WireApi, status: number, serverSaid: SaidParam): Spoken {
  const other = wireApiLabels[otherApi(api)];
  return spoken('probe.apiRefused', { api: wireApiNames[api], status, other, serverSaid });
}

/** A message that names the API which answered. */
export function answeredMessage(connected: Spoken, api: WireApi): Spoken {
  const code =
    connected.said.code === 'probe.connected' ? 'probe.connectedApi' : 'probe.connectedModelsApi';
  return spoken(code, { ...connected.said.params, api: wireApiNames[api] });
}

/** The server's own words after ours (" The server said: "…""), or nothing. */
export function serverSaid(detail: string | null): SaidParam {
  return detail ? said('probe.serverSaid', { detail }) : '';
}
