// lint-as: src/main/core/chat/bad.ts
import { app } from 'electron';
export const name = app.getName();
