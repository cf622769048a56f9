// lint-as: src/renderer/src/lib/bad.ts
import { ChatService } from '../../../main/core/chat/ChatService';
export const service = ChatService;
