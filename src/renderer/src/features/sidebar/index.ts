// The sidebar's public surface: the conversation list and its store (titles, export).
export { Sidebar } from './components/Sidebar';
export { useConversationsStore } from './store/conversationsStore';
export { useSidebarLayout } from './store/sidebarLayout';
