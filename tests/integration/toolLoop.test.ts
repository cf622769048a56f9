import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldAnswer } from '../../src/shared/answerFold';
import type { StreamEvent } from '../../src/shared/stream';
import { streamChat } from '../../src/main/core/providers/streamChat';
import type { ProviderType } from '../../src/main/core/providers/types';
import {
  toolLoop,
  type ToolApprovalRequest,
  type ToolRun,
  type ToolStepEnd,
} from '../../src/main/core/chat/toolLoop';
import { ToolServerManager } from '../../src/main/core/tools/ToolServerManager';
import { startEmulator, type Emulator } from '../emulator/server';
import { ask, callsWith, emulatorTarget, taggedPrompt as tag } from '../support/engineRun';
import { resolveWith, stdioTestServer } from '../support/mcpServers';

let emulator: Emulator;
let manager: ToolServerManager;
beforeAll(async () => {
  emulator = await startEmulator();
  manager = new ToolServerManager({
    servers: () => [stdioTestServer('calc')],
    resolve: resolveWith(),
  });
});
afterAll(async () => {
  await manager?.stopAll();
  await emulator?.close();
});

interface LoopRun {
  events: StreamEvent[];
  approvals: ToolApprovalRequest[];
  steps: ToolStepEnd[];
}

/** A dialect under test: a provider type, and for OpenAI which of its wire APIs. */
type Case = ProviderType | 'openai-responses';

function targetOf(type: Case) {
  if (type !== 'openai-responses') return emulatorTarget(emulator, type);
  const target = emulatorTarget(emulator, 'openai');
  return { ...target, profile: { ...target.profile, api: 'responses' as const } };
}

async function runLoop(
  type: Case,
  directives: string,
  options: { deny?: boolean; maxSteps?: number; stream?: boolean } = {},
) {
  const target = targetOf(type);
  const { prompt, marker } = tag(directives);
  const out: LoopRun = { events: [], approvals: [], steps: [] };
  const run: ToolRun = {
    tools: await manager.toolsOf(['calc']),
    call: (tool, args, signal) => manager.call(tool, args, signal),
    approve: (request) => {
      out.approvals.push(request);
      return Promise.resolve(options.deny ? 'deny' : 'allow');
    },
    maxSteps: options.maxSteps ?? 8,
    onStep: (step) => out.steps.push(step),
  };
  const signal = new AbortController().signal;
  for await (const event of toolLoop(
    streamChat,
    target,
    ask(target, prompt, options.stream === false ? { stream: false } : {}),
    { signal, retry: { baseDelayMs: 5 } },
    run,
  ))
    out.events.push(event);
  return { ...out, answer: foldAnswer(out.events), calls: callsWith(emulator, marker) };
}

/** What the second provider call carried: the call it made and its result, in the wire's shape. */
function resultSentBack(type: Case, body: unknown) {
  if (type === 'gemini') {
    type GeminiTurn = { parts: Record<string, Record<string, unknown>>[] };
    const { contents, tools } = body as { contents: GeminiTurn[]; tools?: unknown };
    const call = contents.at(-2)!.parts[0]!.functionCall!;
    const response = contents.at(-1)!.parts[0]!.functionResponse!;
    expect(response.id).toBe(call.id);
    const declared = (body as { tools: { functionDeclarations: unknown[] }[] }).tools;
    return {
      callId: call.id,
      name: call.name,
      content: (response.response as { output: string }).output,
      tools: tools ? declared[0]!.functionDeclarations.length : 0,
    };
  }
  if (type === 'openai-responses') {
    const { input, tools } = body as { input: Record<string, unknown>[]; tools: unknown[] };
    const call = input.at(-2)!;
    const output = input.at(-1)!;
    expect(output).toMatchObject({ type: 'function_call_output', call_id: call.call_id });
    return { callId: call.call_id, name: call.name, content: output.output, tools: tools.length };
  }
  if (type === 'anthropic') {
    const { messages, tools } = body as {
      messages: { content: Record<string, unknown>[] }[];
      tools: unknown[];
    };
    const use = messages.at(-2)!.content.find((block) => block.type === 'tool_use')!;
    const result = messages.at(-1)!.content[0]!;
    expect(result.tool_use_id).toBe(use.id);
    return { callId: use.id, name: use.name, content: result.content, tools: tools.length };
  }
  const { messages, tools } = body as {
    messages: {
      tool_call_id?: string;
      content: string;
      tool_calls?: { id: string; function: { name: string } }[];
    }[];
    tools: unknown[];
  };
  const call = messages.at(-2)!.tool_calls![0]!;
  const result = messages.at(-1)!;
  expect(result.tool_call_id).toBe(call.id);
  return {
    callId: call.id,
    name: call.function.name,
    content: result.content,
    tools: tools.length,
  };
}

describe.each([
  'openai',
  'azure',
  'openai-compatible',
  'anthropic',
  'openai-responses',
  'gemini',
] as const)('tool loop, %s', (type) => {
  it('calls the MCP tool and sends its result back; the answer keeps call and result in order', async () => {
    const run = await runLoop(type, 'tool=add tool_args={"a":2,"b":40}');
    expect(run.approvals).toHaveLength(1);
    expect(run.approvals[0]).toMatchObject({
      tool: { name: 'calc__add', serverId: 'calc' },
      arguments: '{"a":2,"b":40}',
    });
    const kinds = run.answer.parts.map((part) => part.type);
    expect(kinds).toEqual(['tool-call', 'tool-result', 'text']);
    expect(run.answer.parts[0]).toMatchObject({
      name: 'calc__add',
      serverId: 'calc',
      arguments: '{"a":2,"b":40}',
    });
    expect(run.answer.parts[1]).toMatchObject({ content: 'The sum is 42.', isError: false });
    expect(run.answer.parts[2]).toEqual({ type: 'text', text: 'Tool said: The sum is 42.' });
    expect(run.answer.finishReason).toBe('stop');
    // Two provider calls, each its own step with its own usage; the answer's usage is their sum.
    expect(run.steps.map((step) => step.finishReason)).toEqual(['tool_calls', 'stop']);
    const sum = run.steps.reduce((total, step) => total + (step.usage?.totalTokens ?? 0), 0);
    expect(run.answer.usage?.totalTokens).toBe(sum);
    expect(resultSentBack(type, run.calls.at(-1)!.body)).toEqual({
      callId: 'call_emu_1_1',
      name: 'calc__add',
      content: 'The sum is 42.',
      tools: 6,
    });
  });

  it('joins streamed arguments delivered one byte at a time, and runs parallel calls', async () => {
    const run = await runLoop(
      type,
      'tool=echo tool_args={"text":"naïve_日本"} tool_count=2 bytes=1',
    );
    const results = run.answer.parts.filter((part) => part.type === 'tool-result');
    expect(results.map((part) => part.content)).toEqual(['naïve_日本', 'naïve_日本']);
    expect(run.answer.parts.at(-1)).toEqual({
      type: 'text',
      text: 'Tool said: naïve_日本 | naïve_日本',
    });
  });

  it('arguments the tool refuses come back to the model as its error', async () => {
    const run = await runLoop(type, 'tool=add tool_args={"a":"two","b":1}');
    expect(run.approvals).toHaveLength(1);
    expect(run.answer.parts[1]).toMatchObject({
      type: 'tool-result',
      isError: true,
      content: expect.stringMatching(/invalid/i),
    });
    expect(run.answer.parts.at(-1)).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^Tool said: .*invalid/i),
    });
    expect(run.answer.finishReason).toBe('stop');
  });

  it('reads the calls of a non-streamed answer the same way', async () => {
    const run = await runLoop(type, 'tool=add tool_args={"a":3,"b":4} tool_count=2', {
      stream: false,
    });
    // Each call is followed by its result, as when streamed.
    expect(run.answer.parts.map((part) => part.type)).toEqual([
      'tool-call',
      'tool-result',
      'tool-call',
      'tool-result',
      'text',
    ]);
    expect(run.answer.parts.at(-1)).toEqual({
      type: 'text',
      text: 'Tool said: The sum is 7. | The sum is 7.',
    });
  });

  it('a refused first call (401) ends the answer with its error, no tool run', async () => {
    const run = await runLoop(type, 'tool=add tool_args={"a":1,"b":2} fault=401');
    expect(run.approvals).toHaveLength(0);
    expect(run.answer.finishReason).toBe('error');
    expect(run.answer.error?.kind).toBe('auth');
    expect(run.answer.parts).toEqual([]);
  });

  it('a 429 before the first step is retried, then the tool loop goes on', async () => {
    const run = await runLoop(
      type,
      'tool=add tool_args={"a":1,"b":2} fault=429 times=1 retry_after_ms=10',
    );
    expect(run.events.some((event) => event.type === 'retry')).toBe(true);
    expect(run.answer.parts.at(-1)).toEqual({ type: 'text', text: 'Tool said: The sum is 3.' });
  });

  it('tells the model a tool does not exist', async () => {
    const run = await runLoop(type, 'tool=nosuch_tool');
    expect(run.answer.parts[1]).toMatchObject({
      isError: true,
      content: expect.stringContaining('There is no tool named "nosuch_tool"'),
    });
    expect(run.answer.parts.at(-1)).toMatchObject({
      type: 'text',
      text: expect.stringContaining('calc__add'),
    });
  });

  it('a denied call is not run and the model is told', async () => {
    const run = await runLoop(type, 'tool=add tool_args={"a":1,"b":1}', { deny: true });
    expect(run.answer.parts[0]).toMatchObject({ type: 'tool-call', status: 'denied' });
    expect(run.answer.parts[1]).toMatchObject({
      isError: true,
      content: expect.stringContaining('denied'),
    });
    expect(run.answer.parts.at(-1)).toMatchObject({
      text: expect.stringContaining('The person denied'),
    });
  });

  it('ends at the step limit with a message', async () => {
    const run = await runLoop(type, 'tool=add tool_args={"a":1,"b":1} tool_rounds=5', {
      maxSteps: 2,
    });
    expect(run.steps).toHaveLength(2);
    expect(run.answer.finishReason).toBe('tool_calls');
    expect(run.answer.providerFinishReason).toBe('step_limit');
    expect(run.answer.parts.at(-1)).toMatchObject({
      type: 'text',
      text: expect.stringContaining('limit of 2 tool steps'),
    });
  });
});

// Gemini is not here: its FunctionCall.args is a JSON object on the wire, so a model cannot send
// text that is not JSON there; the other wire APIs carry the arguments as text.
describe.each(['openai', 'anthropic', 'openai-responses'] as const)(
  'invalid JSON arguments, %s',
  (type) => {
    it('sends invalid JSON arguments back to the model as an error, without running the tool', async () => {
      const run = await runLoop(type, 'tool=add tool_args={"a":2,');
      expect(run.approvals).toHaveLength(0);
      expect(run.answer.parts[0]).toMatchObject({ type: 'tool-call', status: 'skipped' });
      expect(run.answer.parts[1]).toMatchObject({
        type: 'tool-result',
        isError: true,
        content: expect.stringContaining('not valid JSON'),
      });
      expect(run.answer.finishReason).toBe('stop');
    });
  },
);
