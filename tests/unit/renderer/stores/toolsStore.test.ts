import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as ToolsStore from '../../../../src/renderer/src/features/tools/store/toolsStore';
import type {
  ToolApprovalRequest,
  ToolsSnapshot,
  ToolServerView,
} from '../../../../src/shared/toolChannels';

let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  return (await import('../../../../src/renderer/src/features/tools/store/toolsStore')) as typeof ToolsStore;
}

const view = (state: ToolServerView['status']['state']): ToolServerView => ({
  config: {
    id: 'calc',
    name: 'calc',
    enabled: true,
    transport: 'stdio',
    command: 'node',
    envNames: [],
    headerNames: [],
  },
  status: { id: 'calc', state, reason: null, tools: [], log: [] },
});
const snapshot: ToolsSnapshot = {
  servers: [view('stopped')],
  settings: { startAtLaunch: false, maxSteps: 10, maxResultChars: 100_000 },
  alwaysAllowed: [],
};
const approval: ToolApprovalRequest = {
  approvalId: 'a1',
  conversationId: 'c1',
  messageId: 'm1',
  callId: 'call_1',
  tool: { name: 'calc__add', toolName: 'add', serverId: 'calc', description: 'Adds.' },
  serverName: 'calc',
  arguments: '{"a":1}',
};

describe('tools store', () => {
  it('loads the servers and follows their state from main', async () => {
    const { useToolsStore, subscribeToTools } = await page();
    fake.answer('listToolServers', () => ok(snapshot));
    await useToolsStore.getState().load();
    subscribeToTools();
    fake.emit('toolServer', view('ready'));
    expect(useToolsStore.getState().snapshot?.servers.map((s) => s.status.state)).toEqual([
      'ready',
    ]);
  });

  it('shows an approval until it is answered or settled, and sends the answer', async () => {
    const { useToolsStore, subscribeToTools } = await page();
    subscribeToTools();
    fake.emit('toolApproval', approval);
    fake.emit('toolApproval', { ...approval, approvalId: 'a2' });
    expect(useToolsStore.getState().approvals.map((a) => a.approvalId)).toEqual(['a1', 'a2']);
    fake.answer('answerToolApproval', () => ok({ settled: true }));
    await useToolsStore.getState().answer('a1', 'always');
    expect(fake.calls('answerToolApproval')).toEqual([{ approvalId: 'a1', answer: 'always' }]);
    fake.emit('toolApprovalSettled', { approvalId: 'a2' });
    expect(useToolsStore.getState().approvals).toEqual([]);
  });

  it('says why a save was refused and keeps the list', async () => {
    const { useToolsStore } = await page();
    fake.answer('saveToolServer', () => failed('The keychain refused the key.'));
    expect(await useToolsStore.getState().save({ config: view('stopped').config })).toBe(false);
    expect(useToolsStore.getState().error).toBe('The keychain refused the key.');
  });
});
