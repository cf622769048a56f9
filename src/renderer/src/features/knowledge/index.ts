// Knowledge bases' public surface: Settings › Knowledge, the chat's collection picker, main's progress events.
export { KnowledgePane } from './components/KnowledgePane';
export { ConversationKnowledgePicker } from './components/ConversationKnowledgePicker';
export { subscribeToKnowledge, useKnowledgeStore } from './store/knowledgeStore';
