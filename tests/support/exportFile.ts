/**
 * Conversations files in the app's own export format, for specs that import a history rather
 * than chat one up. Version 1 (text as fields) on purpose: the app must keep importing it, and
 * the import converts it to parts as a person's older export would be.
 */

/** One conversation of a question and its answer. */
export interface ExportedExchange {
  id: string;
  title: string;
  question: string;
  answer: string;
  /** Creation and update time of the conversation and both its messages (ms since the epoch). */
  at: number;
}

function message(exchange: ExportedExchange, n: 0 | 1) {
  const role = n === 0 ? 'user' : 'assistant';
  return {
    id: `${exchange.id}-m${n}`,
    conversationId: exchange.id,
    parentId: n === 0 ? null : `${exchange.id}-m0`,
    role,
    content: n === 0 ? exchange.question : exchange.answer,
    reasoning: '',
    status: 'done',
    profileId: null,
    model: role === 'assistant' ? 'emu-1' : null,
    parameters: null,
    finishReason: role === 'assistant' ? 'stop' : null,
    providerFinishReason: null,
    providerMessageId: null,
    usage: null,
    timing: null,
    error: null,
    createdAt: exchange.at,
    updatedAt: exchange.at,
  };
}

/** The bytes of an export holding `exchanges`, each its own conversation. */
export function exportFileOf(exchanges: ExportedExchange[]): Buffer {
  const conversations = exchanges.map((exchange) => ({
    conversation: {
      id: exchange.id,
      title: exchange.title,
      titleSource: 'user',
      pinned: false,
      createdAt: exchange.at,
      updatedAt: exchange.at,
      profileId: null,
      model: null,
      systemPrompt: null,
      parameters: {},
      currentLeafId: `${exchange.id}-m1`,
    },
    messages: [message(exchange, 0), message(exchange, 1)],
  }));
  const file = { format: 'switchboard.conversations', version: 1, exportedAt: 1, conversations };
  return Buffer.from(JSON.stringify(file));
}
