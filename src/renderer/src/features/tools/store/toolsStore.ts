/**
 * Tools as main runs them: the servers with their state, the settings, and the tool calls that
 * wait for the person's answer (approval cards). Secrets go to main and never come back.
 */
import { create } from 'zustand';
import type { RequestOf } from '../../../../../shared/ipc';
import type { IpcResult } from '../../../../../shared/result';
import type {
  ToolApprovalRequest,
  ToolServerView,
  ToolsSnapshot,
} from '../../../../../shared/toolChannels';
import { api } from '../../../lib/api';
import { ipcErrorText } from '../../../lib/i18n';

interface ToolsState {
  snapshot: ToolsSnapshot | null;
  error: string | null;
  /** Waiting approvals by id, in the order they came. */
  approvals: ToolApprovalRequest[];
  load(): Promise<void>;
  save(request: RequestOf<'saveToolServer'>): Promise<boolean>;
  remove(id: string): Promise<void>;
  restart(id: string): Promise<void>;
  /** OAuth: main opens the browser; answers when signed in or failed (the card follows events). */
  signIn(id: string): Promise<void>;
  signOut(id: string): Promise<void>;
  importJson(json: string): Promise<boolean>;
  setSettings(settings: RequestOf<'setToolSettings'>): Promise<void>;
  answer(approvalId: string, answer: 'once' | 'always' | 'deny'): Promise<void>;
  /** Servers turned off per conversation (all enabled ones are on unless listed). */
  off: Record<string, string[]>;
  loadConversation(conversationId: string): Promise<void>;
  /** `conversationId` '' is the new chat not yet sent: kept here until `takeDraftOff`. */
  setServerOn(conversationId: string, serverId: string, on: boolean): Promise<void>;
  /** The new chat's servers turned off, for its first sendMessage; the draft's list is cleared. */
  takeDraftOff(): string[] | undefined;
}

/** The key in `off` of the chat not yet sent (no conversation id is empty). */
export const DRAFT_CHAT = '';

function withServer(snapshot: ToolsSnapshot, view: ToolServerView): ToolsSnapshot {
  const others = snapshot.servers.filter((server) => server.config.id !== view.config.id);
  const index = snapshot.servers.findIndex((server) => server.config.id === view.config.id);
  const servers = [...others];
  servers.splice(index < 0 ? servers.length : index, 0, view);
  return { ...snapshot, servers };
}

export const useToolsStore = create<ToolsState>((set, get) => {
  const take = (result: IpcResult<ToolsSnapshot>): boolean => {
    if (!result.ok) set({ error: ipcErrorText(result.error) });
    else set({ snapshot: result.value, error: null });
    return result.ok;
  };
  /** One server's new status (restarted, signed in or out), or why not in the person's words. */
  const takeServer = (result: IpcResult<ToolServerView>): void => {
    if (!result.ok) return set({ error: ipcErrorText(result.error) });
    const { snapshot } = get();
    if (snapshot) set({ snapshot: withServer(snapshot, result.value) });
  };
  return {
    snapshot: null,
    error: null,
    approvals: [],
    load: async () => void take(await api.listToolServers({})),
    save: async (request) => {
      const result = await api.saveToolServer(request);
      if (!result.ok) {
        set({ error: ipcErrorText(result.error) });
        return false;
      }
      await get().load();
      return true;
    },
    remove: async (id) => {
      const result = await api.removeToolServer({ id });
      if (!result.ok) set({ error: ipcErrorText(result.error) });
      await get().load();
    },
    restart: async (id) => takeServer(await api.restartToolServer({ id })),
    signIn: async (id) => takeServer(await api.signInToolServer({ id })),
    signOut: async (id) => takeServer(await api.signOutToolServer({ id })),
    importJson: async (json) => take(await api.importToolServers({ json })),
    setSettings: async (settings) => void take(await api.setToolSettings(settings)),
    off: {},
    loadConversation: async (conversationId) => {
      const result = await api.getConversationTools({ conversationId });
      if (result.ok) set({ off: { ...get().off, [conversationId]: result.value.off } });
    },
    setServerOn: async (conversationId, serverId, on) => {
      const current = get().off[conversationId] ?? [];
      const next = on
        ? current.filter((id) => id !== serverId)
        : [...new Set([...current, serverId])];
      // Shown at once, as the box was clicked; put back if main refuses it.
      set({ off: { ...get().off, [conversationId]: next } });
      if (conversationId === DRAFT_CHAT) return;
      const result = await api.setConversationTools({ conversationId, off: next });
      if (!result.ok)
        set({
          error: ipcErrorText(result.error),
          off: { ...get().off, [conversationId]: current },
        });
    },
    takeDraftOff: () => {
      const draft = get().off[DRAFT_CHAT];
      if (draft) set({ off: { ...get().off, [DRAFT_CHAT]: [] } });
      return draft?.length ? draft : undefined;
    },
    answer: async (approvalId, answer) => {
      set({ approvals: get().approvals.filter((item) => item.approvalId !== approvalId) });
      await api.answerToolApproval({ approvalId, answer });
    },
  };
});

/** Follows main's tool events: server states, approvals asked and settled. */
export function subscribeToTools(): () => void {
  const offs = [
    api.on('toolServer', (view) => {
      const { snapshot } = useToolsStore.getState();
      if (snapshot) useToolsStore.setState({ snapshot: withServer(snapshot, view) });
    }),
    api.on('toolApproval', (request) =>
      useToolsStore.setState((state) => ({ approvals: [...state.approvals, request] })),
    ),
    api.on('toolApprovalSettled', ({ approvalId }) =>
      useToolsStore.setState((state) => ({
        approvals: state.approvals.filter((item) => item.approvalId !== approvalId),
      })),
    ),
  ];
  return () => offs.forEach((off) => off());
}
