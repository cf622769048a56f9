// Tools' public surface: Settings › Tools, the approval cards, and main's tool events.
export { ToolApprovalCards } from './components/ToolApprovalCard';
export { ConversationToolPicker } from './components/ConversationToolPicker';
export { ToolsPane } from './components/ToolsPane';
export { subscribeToTools, useToolsStore } from './store/toolsStore';
