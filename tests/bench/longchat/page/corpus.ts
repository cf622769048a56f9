/**
 * The long conversation: `count` messages, questions and answers in turn, the answers a mix of
 * short, long, code-heavy and math-heavy markdown (about 2.6 kB a message, 5 MB at 2,000).
 * Deterministic, so every run and both views see the same text.
 */
import type { ThreadMessage } from '../../../../src/shared/conversations';
import { textParts } from '../../../../src/shared/messageParts';

function prose(i: number, paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++)
    out.push(
      `Point ${i}.${p}: a client that retries must say **why** it waited, keep the partial answer, ` +
        `and never repeat what cannot succeed (auth, quota, *context length*). See \`retry-after\` ` +
        `and [the notes](https://example.com/notes/${i}) for the budget of attempt ${p}.`,
    );
  return out.join('\n\n');
}

function code(i: number): string {
  const lines = Array.from(
    { length: 135 },
    (_, k) => `  const step${k} = await client.call({ id: ${i * 100 + k}, retry: ${k % 4} });`,
  );
  return `Here is the loop:\n\n\`\`\`ts\nasync function run${i}(client: Client) {\n${lines.join('\n')}\n}\n\`\`\`\n\n${prose(i, 2)}`;
}

function math(i: number): string {
  const rows = Array.from(
    { length: 12 },
    (_, k) =>
      `$$\n\\sum_{k=0}^{${k + (i % 7)}} \\frac{b}{2} \\min\\left(c, 2^{k}\\right) \\le \\frac{b}{2}(2^{${k + 1}} - 1)\n$$`,
  );
  return `The wait with jitter is $E[W] = \\frac{1}{2}\\min(c, b\\,2^k)$.\n\n${rows.join('\n\n')}\n\n${prose(i, 3)}`;
}

function table(i: number): string {
  const rows = Array.from({ length: 60 }, (_, k) => `| s${k} | ${i + k} ms | ${k * 3} ms | ok |`);
  return `| Strategy | p50 | p95 | Notes |\n|---|---:|---:|---|\n${rows.join('\n')}\n\n${prose(i, 2)}`;
}

function answer(i: number): string {
  switch (i % 5) {
    case 0:
      return `Yes: ${prose(i, 6)}`;
    case 1:
      return `# Part ${i}\n\n${prose(i, 45)}`;
    case 2:
      return code(i);
    case 3:
      return math(i);
    default:
      return table(i);
  }
}

export function longConversation(id: string, count: number): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (let i = 0; i < count; i++) {
    const user = i % 2 === 0;
    const text = user ? `Question ${i}: how should step ${i} retry?` : answer(i);
    const messageId = `${id}-m${i}`;
    messages.push({
      id: messageId,
      conversationId: id,
      parentId: i === 0 ? null : `${id}-m${i - 1}`,
      role: user ? 'user' : 'assistant',
      parts: textParts(text),
      status: 'done',
      profileId: null,
      model: user ? null : 'bench-model',
      parameters: null,
      finishReason: user ? null : 'stop',
      providerFinishReason: null,
      providerMessageId: null,
      usage: null,
      timing: null,
      error: null,
      createdAt: i,
      updatedAt: i,
      versionIds: [messageId],
    });
  }
  return messages;
}
