/**
 * Requests the harness cannot serve (a malformed URL, a read that fails) are counted per kind
 * and logged only at the 1st, 10th, 100th … time: a flood of bad requests cannot rotate the
 * crash log and push out the lines that matter.
 */
export type RequestFaultKind = 'malformed URL' | 'file read failed';

export function createRequestFaultLog(log: (line: string) => void) {
  const counts = new Map<RequestFaultKind, number>();
  return (kind: RequestFaultKind, detail: string): void => {
    const count = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, count);
    if (Math.log10(count) % 1 !== 0) return;
    const times = count === 1 ? 'first time' : `${count} times so far`;
    log(`[harness] request refused: ${kind} (${times}; latest: ${detail.slice(0, 120)})`);
  };
}
