/** Messages on the harness socket that stands in for Electron IPC between page and core. */
export interface InvokeMessage {
  type: 'invoke';
  id: number;
  channel: string;
  payload: unknown;
}
export type ServerMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; channel: string; payload: unknown };

export const SOCKET_PATH = '/__harness/socket';
export const BRIDGE_PATH = '/__harness/bridge.js';
