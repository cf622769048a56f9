import { describe, expect, it } from 'vitest';
import { draftOf, serverRequest } from '../../../src/renderer/src/features/tools/lib/serverDraft';
import type { ToolServerConfig } from '../../../src/shared/tools';

const saved: ToolServerConfig = {
  id: 'files',
  name: 'Files',
  enabled: false,
  transport: 'stdio',
  command: 'npx',
  args: ['-y', 'server-files'],
  envNames: ['TOKEN'],
  headerNames: [],
};

describe('the tool server form', () => {
  it('adds a stdio server with secret env values apart from its config', () => {
    const request = serverRequest({
      ...draftOf(saved),
      name: 'My Files',
      env: 'TOKEN=abc\nMODE = fast',
    });
    expect(request).toEqual({
      config: {
        id: 'my-files',
        name: 'My Files',
        enabled: true,
        transport: 'stdio',
        command: 'npx',
        args: ['-y', 'server-files'],
        envNames: [],
        headerNames: [],
      },
      env: { TOKEN: 'abc', MODE: 'fast' },
      headers: {},
    });
  });

  it('edits a server keeping its id, state and stored secret names; blank values keep theirs', () => {
    const request = serverRequest({ ...draftOf(saved), args: '-y\nserver-files\n/tmp' }, saved);
    expect(request).toMatchObject({
      config: {
        id: 'files',
        enabled: false,
        envNames: ['TOKEN'],
        args: ['-y', 'server-files', '/tmp'],
      },
      env: {},
    });
  });

  it('says what is wrong', () => {
    expect(serverRequest({ ...draftOf(saved), name: ' ' })).toBe('Give the server a name.');
    expect(serverRequest({ ...draftOf(saved), command: '' })).toBe(
      'Give the command that starts the server.',
    );
    expect(serverRequest({ ...draftOf(saved), env: 'TOKEN' })).toBe('"TOKEN" is not NAME=value.');
    expect(serverRequest({ ...draftOf(saved), transport: 'http', url: 'example.com' })).toMatch(
      /https:\/\//,
    );
    expect(
      serverRequest({
        ...draftOf(saved),
        transport: 'http',
        url: 'https://x.test/mcp',
        headers: 'Authorization: Bearer t',
      }),
    ).toMatchObject({
      config: { transport: 'http', url: 'https://x.test/mcp' },
      headers: { Authorization: 'Bearer t' },
    });
  });
});
