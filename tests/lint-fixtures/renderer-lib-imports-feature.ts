// lint-as: src/renderer/src/lib/bad.ts
// Refused: lib is common ground and knows no feature.
import { useChatStore } from '../features/chat';
export const store = useChatStore;
