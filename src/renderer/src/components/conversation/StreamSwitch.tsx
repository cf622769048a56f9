import { useEffect, useState } from 'react';
import type { ChatParameters } from '../../../../shared/conversations';
import { api } from '../../lib/api';

/**
 * Streaming on or off for the open conversation, kept with its parameters. Each answer shows its
 * measured first-token time either way, so the difference can be seen.
 */
export function StreamSwitch({ conversationId }: { conversationId: string }) {
  // Keyed by conversation, so another conversation's setting is never shown while this one loads.
  const [loaded, setLoaded] = useState<{ id: string; parameters: ChatParameters } | null>(null);
  const parameters = loaded?.id === conversationId ? loaded.parameters : null;
  const setParameters = (next: ChatParameters) =>
    setLoaded({ id: conversationId, parameters: next });

  useEffect(() => {
    let live = true;
    void api.getConversation({ conversationId }).then((result) => {
      if (live && result.ok)
        setLoaded({ id: conversationId, parameters: result.value.conversation.parameters });
    });
    return () => {
      live = false;
    };
  }, [conversationId]);

  if (!parameters) return null;
  const toggle = async (stream: boolean) => {
    const next = { ...parameters, stream };
    // Shown at once; put back if main refused it.
    setParameters(next);
    const result = await api.updateConversationSettings({ conversationId, parameters: next });
    setParameters(result.ok ? result.value.parameters : parameters);
  };
  return (
    <label
      title="Off: one plain request, the whole answer at once"
      className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <input
        type="checkbox"
        checked={parameters.stream !== false}
        onChange={(e) => void toggle(e.target.checked)}
      />
      Stream
    </label>
  );
}
