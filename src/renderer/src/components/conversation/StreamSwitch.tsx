import { useEffect, useState } from 'react';
import type { ChatParameters } from '../../../../shared/conversations';
import { api } from '../../lib/api';
import { useChatStore } from '../../store/chatStore';

/**
 * Streaming on or off for the open conversation, kept with its parameters. A plain answer shows
 * how long the whole response took instead of a first-token time it does not have.
 */
export function StreamSwitch({ conversationId }: { conversationId: string }) {
  // Keyed by conversation, so another conversation's setting is never shown while this one loads.
  const [loaded, setLoaded] = useState<{ id: string; parameters: ChatParameters } | null>(null);
  const parameters = loaded?.id === conversationId ? loaded.parameters : null;
  const setParameters = (next: ChatParameters) => {
    setLoaded({ id: conversationId, parameters: next });
    // The chat store marks the next answers as streamed or not (their footer depends on it).
    if (useChatStore.getState().conversationId === conversationId)
      useChatStore.setState({ streamOff: next.stream === false });
  };

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
