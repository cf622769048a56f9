import { describe, expect, it } from 'vitest';
import { parseAskArgs, parseCompareArgs, parseModelsArgs, UsageError } from '../../src/cli/args';

describe('cli ask flags', () => {
  it('reads every flag of the issue', () => {
    const args = parseAskArgs([
      '--provider',
      'azure',
      '--endpoint',
      'https://res.openai.azure.com',
      '--api-version',
      '2024-10-21',
      '--model',
      'dep',
      '--system',
      'S',
      '--max-tokens',
      '50',
      '--temperature',
      '0.5',
      '--no-stream',
      '--json',
      'the',
      'prompt',
    ]);
    expect(args).toMatchObject({
      provider: 'azure',
      endpoint: 'https://res.openai.azure.com',
      apiVersion: '2024-10-21',
      model: 'dep',
      system: 'S',
      maxTokens: 50,
      temperature: 0.5,
      stream: false,
      json: true,
      prompt: 'the prompt',
    });
  });

  it('defaults to openai, streaming, text output', () => {
    expect(parseAskArgs(['--model', 'm', 'hi'])).toMatchObject({
      provider: 'openai',
      stream: true,
      json: false,
      prompt: 'hi',
    });
    expect(parseAskArgs(['--model', 'm', '-']).prompt).toBe('-');
  });

  it('takes --provider gemini, for ask and models alike', () => {
    expect(parseAskArgs(['--provider', 'gemini', '--model', 'm', 'x']).provider).toBe('gemini');
    expect(parseModelsArgs(['--provider', 'gemini']).provider).toBe('gemini');
  });

  it('takes a reasoning effort from the scale and --no-cache for anthropic', () => {
    expect(parseAskArgs(['--model', 'o3', '--reasoning-effort', 'minimal', 'x'])).toMatchObject({
      reasoningEffort: 'minimal',
      promptCaching: true,
    });
    expect(
      parseAskArgs(['--provider', 'anthropic', '--model', 'c', '--no-cache', 'x']).promptCaching,
    ).toBe(false);
    expect(parseAskArgs(['--model', 'm', 'x']).reasoningEffort).toBeUndefined();
  });

  it.each([
    [['no', 'model']],
    [['--model', 'm']],
    [['--model', 'm', '--bogus', 'x']],
    [['--model', 'm', '--temperature', 'hot', 'x']],
    [['--model', 'm', '--temperature', '3', 'x']],
    [['--model', 'm', '--max-tokens', '-3', 'x']],
    [['--model', 'm', '--max-tokens', '1.5', 'x']],
    [['--provider', 'mistral', '--model', 'm', 'x']],
    [['--model', 'm', '--reasoning-effort', 'HIGH', 'x']],
    [['--model', 'm', '--reasoning-effort', 'max', 'x']],
    [['--provider', 'azure', '--model', 'm', '--no-cache', 'x']],
    [['--model', 'm', '--base-url', 'localhost:1234', 'x']],
    [['--model']],
  ])('refuses %j', (argv) => {
    expect(() => parseAskArgs(argv)).toThrow(UsageError);
  });

  it('--api names the wire API for openai and azure, in ask, compare and models', () => {
    expect(parseAskArgs(['--model', 'm', 'hi']).api).toBeUndefined();
    expect(parseAskArgs(['--api', 'responses', '--model', 'm', 'hi']).api).toBe('responses');
    expect(
      parseCompareArgs([
        '--provider',
        'azure',
        '--api',
        'chat',
        '--model',
        'a',
        '--model',
        'b',
        'x',
      ]).api,
    ).toBe('chat');
    expect(parseModelsArgs(['--api', 'responses']).api).toBe('responses');
    expect(() => parseAskArgs(['--api', 'completions', '--model', 'm', 'x'])).toThrow(
      /--api must be one of chat, responses, got "completions"/,
    );
    for (const provider of ['anthropic', 'openai-compatible'])
      expect(() =>
        parseAskArgs(['--provider', provider, '--api', 'chat', '--model', 'm', 'x']),
      ).toThrow(`--api is for openai and azure only, not ${provider}`);
  });

  it('models takes connection flags only', () => {
    expect(parseModelsArgs(['--provider', 'anthropic'])).toMatchObject({
      provider: 'anthropic',
      json: false,
    });
    expect(() => parseModelsArgs(['extra'])).toThrow(UsageError);
  });
});
