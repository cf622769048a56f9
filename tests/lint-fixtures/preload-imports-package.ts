// lint-as: src/preload/bad.ts
import OpenAI from 'openai';
export const client = OpenAI;
