// lint-as: src/renderer/src/lib/bad.ts
import { readFileSync } from 'node:fs';
export const read = readFileSync;
