// lint-as: src/preload/bad.ts
import { registerIpc } from '../main/ipc';
export const register = registerIpc;
