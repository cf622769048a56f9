// lint-as: src/renderer/src/app/bad.tsx
// Refused: the app shell composes features through their index.ts too.
import { useChatStore } from '../features/chat/store/chatStore';
export const store = useChatStore;
