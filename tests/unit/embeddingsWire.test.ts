import { describe, expect, it } from 'vitest';
import { geminiEmbeddings, openAIEmbeddings } from '../../src/main/core/providers/embeddingsWire';

const base64Of = (numbers: number[]) =>
  Buffer.from(Float32Array.from(numbers).buffer).toString('base64');

describe('OpenAI embeddings answers', () => {
  it('read base64 Float32 bytes and number arrays alike, placed by index', () => {
    const answer = {
      data: [
        { index: 1, embedding: [0.5, -0.25] },
        { index: 0, embedding: base64Of([0.1, 2, -3]) },
      ],
    };
    const vectors = openAIEmbeddings.vectors(answer, 2)!;
    expect(vectors.map((v) => [...v])).toEqual([
      [...Float32Array.from([0.1, 2, -3])],
      [0.5, -0.25],
    ]);
    expect(vectors[0]).toBeInstanceOf(Float32Array);
  });

  it('refuse base64 that is not whole Float32 numbers, or not base64', () => {
    const bytes = (n: number) => Buffer.alloc(n, 7).toString('base64');
    for (const embedding of [bytes(6), 'not base64!', 'not base64!!', '', bytes(4).slice(0, -1)])
      expect(openAIEmbeddings.vectors({ data: [{ index: 0, embedding }] }, 1)).toBeNull();
    expect(
      openAIEmbeddings.vectors({ data: [{ index: 0, embedding: bytes(8) }] }, 1),
    ).not.toBeNull();
  });

  it('ask for base64 only when told, floats otherwise', () => {
    const target = {
      profile: {
        id: 'p',
        name: 'p',
        type: 'openai' as const,
        baseUrl: 'http://x/v1',
        defaultModel: 'm',
      },
      apiKey: null,
    };
    expect(openAIEmbeddings.request(target, 'm', ['a'], true).body).toMatchObject({
      encoding_format: 'base64',
    });
    expect(openAIEmbeddings.request(target, 'm', ['a']).body).toMatchObject({
      encoding_format: 'float',
    });
    expect(openAIEmbeddings.base64).toBe(true);
    expect(geminiEmbeddings.base64).toBe(false);
  });
});
