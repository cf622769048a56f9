import type { IpcHandlers } from '../../../shared/ipc';
import type { toolChannels } from '../../../shared/toolChannels';
import { HandlerError } from '../../../shared/result';
import { parseMcpServersJson } from './mcpServersJson';
import type { ToolService } from './ToolService';
import { spoken } from '../../../shared/said';

type ToolHandlers = Pick<IpcHandlers, keyof typeof toolChannels>;

/** The tool channels, each answered by the tool service. */
export function createToolHandlers(tools: ToolService): ToolHandlers {
  const known = (id: string) => {
    if (!tools.prefs.servers().some((server) => server.id === id))
      throw new HandlerError('not_found', spoken('tools.serverGone'));
  };
  return {
    listToolServers: async () => tools.snapshot(),
    saveToolServer: async ({ config, env, headers }) => tools.save(config, env, headers),
    removeToolServer: async ({ id }) => ({ removed: await tools.remove(id) }),
    restartToolServer: async ({ id }) => {
      known(id);
      await tools.manager.restart(id);
      return tools.view(id);
    },
    signInToolServer: async ({ id }) => {
      known(id);
      await tools.manager.signIn(id);
      return tools.view(id);
    },
    signOutToolServer: async ({ id }) => {
      known(id);
      await tools.manager.signOut(id);
      return tools.view(id);
    },
    importToolServers: async ({ json }) => {
      const parsed = parseMcpServersJson(
        json,
        tools.prefs.servers().map((server) => server.id),
      );
      if (!parsed.ok) throw new HandlerError('invalid_request', parsed);
      for (const server of parsed.servers)
        await tools.save(server.config, server.env, server.headers);
      return tools.snapshot();
    },
    setToolSettings: async (settings) => {
      tools.prefs.saveSettings(settings);
      return tools.snapshot();
    },
    answerToolApproval: async ({ approvalId, answer }) => ({
      settled: tools.approvals.answer(approvalId, answer),
    }),
    getConversationTools: async ({ conversationId }) => ({
      off: tools.prefs.offFor(conversationId),
    }),
    setConversationTools: async ({ conversationId, off }) => {
      tools.prefs.setOff(conversationId, off);
      return { off };
    },
  };
}
