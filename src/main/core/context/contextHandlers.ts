import type { EventSink, IpcHandlers } from '../../../shared/ipc';
import type { ContextService } from './ContextService';

type ContextHandlers = Pick<
  IpcHandlers,
  'measureContext' | 'setContextPolicy' | 'summarizeContext' | 'editSummary'
>;

/** The context window's channels, answered by the context service. */
export function createContextHandlers(context: ContextService, emit: EventSink): ContextHandlers {
  return {
    measureContext: async (request) => context.measure(request),
    setContextPolicy: async ({ conversationId, policy }) =>
      context.setPolicy(conversationId, policy),
    summarizeContext: async ({ conversationId }) => {
      const thread = await context.summarize(conversationId);
      emit('conversationsChanged', { conversationId });
      return thread;
    },
    editSummary: async ({ conversationId, messageId, text }) =>
      context.editSummary(conversationId, messageId, text),
  };
}
