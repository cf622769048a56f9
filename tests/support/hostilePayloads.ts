/**
 * Payloads a compromised or buggy page could send over IPC: wrong types, prototype-pollution
 * keys, oversized and deeply nested values, and values JSON cannot carry.
 */
import fc from 'fast-check';

/** Objects whose own keys try to reach Object.prototype (JSON.parse makes "__proto__" an own key). */
export const pollutionPayloads: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"text": "hi", "__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"streamId": "s", "__proto__": {"streamId": "x", "polluted": "yes"}}'),
  { prototype: { polluted: 'yes' } },
  Object.assign(Object.create(null) as object, { text: 'no prototype at all' }),
];

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { text: value };
  return value;
}

function circular(): unknown {
  const value: Record<string, unknown> = { text: 'loop' };
  value.self = value;
  return value;
}

const huge = 'x'.repeat(5_000_000);

/** Reading any field throws (only a page that reaches main without structured cloning can send it). */
function trap(): unknown {
  return new Proxy(
    {},
    {
      get: () => {
        throw new Error('trap: get');
      },
      ownKeys: () => {
        throw new Error('trap: ownKeys');
      },
      getPrototypeOf: () => {
        throw new Error('trap: getPrototypeOf');
      },
      getOwnPropertyDescriptor: () => {
        throw new Error('trap: descriptor');
      },
      has: () => {
        throw new Error('trap: has');
      },
    },
  );
}

/** Fixed cases every channel gets, beyond what fast-check generates. */
export const extremePayloads: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a 5 MB string', huge],
  ['a 5 MB field', { text: huge, streamId: huge, conversationId: huge }],
  ['10 000 levels of nesting', nested(10_000, 'deep')],
  ['a circular object', circular()],
  ['a function', () => 'called'],
  ['a symbol', Symbol('s')],
  ['a bigint', 10n ** 40n],
  ['NaN', Number.NaN],
  ['a Map', new Map([['text', 'hi']])],
  ['a typed array', new Uint8Array(1024)],
  ['an array of 100 000 items', Array.from({ length: 100_000 }, () => ({ text: 'hi' }))],
  [
    'an object with 50 000 keys',
    Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])),
  ],
  ['a Date', new Date(0)],
  ['an Error', new Error('boom')],
  ['a proxy that throws on every read', trap()],
  [
    'a field getter that throws',
    Object.defineProperty({}, 'text', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    }),
  ],
  ...pollutionPayloads.map((payload, i): [string, unknown] => [`pollution #${i + 1}`, payload]),
];

/** Anything at all, non-JSON values included. */
export const anyPayload = fc.anything({
  maxDepth: 4,
  maxKeys: 8,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Objects that look like requests: real field names with values of any type, plus strays. */
export function nearMissPayload(fieldNames: readonly string[]) {
  const keys = fc.constantFrom(...fieldNames, '__proto__', 'constructor', 'prototype', 'admin', '');
  return fc.dictionary(keys, fc.oneof(anyPayload, fc.string({ maxLength: 300 })), { maxKeys: 6 });
}

export function isPolluted(): boolean {
  return (
    ({} as Record<string, unknown>).polluted !== undefined ||
    (Object.prototype as unknown as Record<string, unknown>).streamId !== undefined
  );
}
