/**
 * The inspector's view of a server's JSON-RPC traffic: the transport's send and onmessage are
 * wrapped (the SDK client neither knows nor cares), each message passed on as it is and told to
 * a listener as JSON text with the server's secret env and header values struck out. Headers
 * and env themselves are transport settings, never part of a message, so they are never seen.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { McpMessageTap } from '../exchanges/StepExchanges';
import { redactSecrets } from '../providers/redact';

export type WireListener = (
  direction: 'sent' | 'received',
  message: JSONRPCMessage,
  text: string,
) => void;

export function tapTransport<T extends Transport>(
  transport: T,
  secrets: string[],
  listener: WireListener,
): T {
  const tell = (direction: 'sent' | 'received', message: JSONRPCMessage) => {
    try {
      listener(direction, message, redactSecrets(JSON.stringify(message), secrets));
    } catch {
      // A view of the traffic must never break the traffic.
    }
  };
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    tell('sent', message);
    return send(message, options);
  };
  // Client.connect sets onmessage after this; the transport calls whatever is set.
  let handler: Transport['onmessage'];
  Object.defineProperty(transport, 'onmessage', {
    configurable: true,
    get: () =>
      handler &&
      ((message: JSONRPCMessage, extra?: Parameters<NonNullable<Transport['onmessage']>>[1]) => {
        tell('received', message);
        handler?.(message, extra);
      }),
    set: (next: Transport['onmessage']) => {
      handler = next;
    },
  });
  return transport;
}

/**
 * One tool call's share of the traffic: its `tools/call` request, the response with that id,
 * and the notifications (progress, log) that arrive while it runs. Pings and other calls made
 * meanwhile are left out.
 */
export function callListener(tap: McpMessageTap): WireListener {
  const ids = new Set<string | number>();
  return (direction, message, text) => {
    const id = 'id' in message ? message.id : undefined;
    const method = 'method' in message ? message.method : undefined;
    if (direction === 'sent') {
      if (method !== 'tools/call' || id === undefined) return;
      ids.add(id);
      tap(direction, text);
    } else if (id === undefined ? method !== undefined : ids.has(id)) tap(direction, text);
  };
}
