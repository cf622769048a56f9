// lint-as: src/renderer/src/lib/bad.ts
import fs from 'fs';
export const read = fs.readFileSync;
