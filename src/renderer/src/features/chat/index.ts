// The chat's public surface: what app/ composes and what other features may use. The rest is internal.
export { Composer } from './components/Composer';
export { MessageList } from './components/MessageList';
export { ChatSettingsPanel } from './components/conversation/ChatSettingsPanel';
export { ChatSettingsToggle } from './components/conversation/ChatSettingsToggle';
export { FocusMessage } from './components/conversation/FocusMessage';
export { ModelPicker } from './components/conversation/ModelPicker';
export { ModelSelector } from './components/conversation/ModelSelector';
export { pickLabel } from './components/conversation/pickLabel';
export { rememberOpenConversation } from './lib/lastConversation';
export { subscribeToStreams, useChatStore, type ChatMessage } from './store/chatStore';
export { subscribeToChatSettings } from './store/composerSettings';
export { useStreamActivity } from './store/streamSubscriptions';
export { applyChatSetup, currentChatSetup, type ChatSetup } from './store/presetSettings';
export { useComposerSettings } from './store/composerSettings';
