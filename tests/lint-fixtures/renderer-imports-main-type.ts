// lint-as: src/renderer/src/lib/fine.ts
// Allowed: the renderer may import main's types.
import type { ChatService } from '../../../main/core/chat/ChatService';
export type Service = ChatService;
