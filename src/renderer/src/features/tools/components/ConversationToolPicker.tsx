import { useEffect } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { DRAFT_CHAT, useToolsStore } from '../store/toolsStore';

/** Which tool servers this chat may use: every enabled one unless turned off here. */
export function ConversationToolPicker({ conversationId }: { conversationId: string | null }) {
  const { t } = useTranslation('tools');
  const snapshot = useToolsStore((s) => s.snapshot);
  // A new chat's choice is kept in the store until its first message carries it to main.
  const key = conversationId ?? DRAFT_CHAT;
  const off = useToolsStore((s) => s.off[key]);
  const load = useToolsStore((s) => s.load);
  const loadConversation = useToolsStore((s) => s.loadConversation);
  const setServerOn = useToolsStore((s) => s.setServerOn);
  useEffect(() => {
    if (!snapshot) void load();
  }, [snapshot, load]);
  useEffect(() => {
    if (conversationId) void loadConversation(conversationId);
  }, [conversationId, loadConversation]);
  const servers = (snapshot?.servers ?? []).filter((server) => server.config.enabled);
  if (servers.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-1 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
      <legend className="sr-only">{t('picker.title')}</legend>
      <p className="font-medium">{t('picker.title')}</p>
      {servers.map(({ config, status }) => (
        <label key={config.id} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={!(off ?? []).includes(config.id)}
            onChange={(event) => void setServerOn(key, config.id, event.target.checked)}
          />
          {config.name}
          <span className="text-xs text-zinc-500">
            {status.tools.length
              ? t('picker.toolCount', { count: status.tools.length })
              : t(`state.${status.state}`)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
