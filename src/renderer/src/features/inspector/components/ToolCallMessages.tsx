import type { ToolCallExchangeView } from '../../../../../shared/exchanges';

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The MCP JSON-RPC messages of the tool calls a step asked for, in the order they went. */
export function ToolCallMessages({ calls }: { calls: ToolCallExchangeView[] }) {
  if (calls.length === 0) return null;
  return (
    <section aria-label="MCP messages" className="mt-6">
      <h3 className="mb-2 text-sm font-semibold">MCP messages of this step's tool calls</h3>
      {calls.map((call) => (
        <details
          key={call.callId}
          open
          className="mb-3 rounded border border-zinc-200 dark:border-zinc-800"
        >
          <summary className="cursor-pointer px-3 py-1 text-xs">
            <strong>{call.tool}</strong> · {call.messages.length} message
            {call.messages.length === 1 ? '' : 's'}
          </summary>
          {call.messages.length === 0 && (
            <p className="px-3 py-1 text-xs text-zinc-500">
              No message went to the server (the call was denied, skipped or could not start).
            </p>
          )}
          {call.messages.map((message, i) => (
            <div key={i} className="border-t border-zinc-200 px-3 py-1 dark:border-zinc-800">
              <div className="text-xs text-zinc-500">
                {message.direction === 'sent' ? '→ sent' : '← received'} at{' '}
                {Math.round(message.atMs)} ms
              </div>
              <pre tabIndex={0} className="overflow-auto text-xs whitespace-pre-wrap">
                {pretty(message.message)}
              </pre>
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}
