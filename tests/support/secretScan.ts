/**
 * Looks for a secret in text the way a leak shows up: whole, in part (any 12-character slice:
 * a truncated or wrapped key still leaks), or base64-encoded (an Authorization: Basic header,
 * a data URL, a JSON blob someone encoded).
 */
export const MIN_LEAK_SLICE = 12;

/** Every form of `secret` that must not appear anywhere. */
export function leakForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  for (let i = 0; i + MIN_LEAK_SLICE <= secret.length; i++)
    forms.add(secret.slice(i, i + MIN_LEAK_SLICE));
  // base64 of the key at each of the three byte alignments, minus the characters that depend on
  // what sits around it: whichever way the key was embedded, one of these appears.
  for (let shift = 0; shift < 3; shift++) {
    for (const encoding of ['base64', 'base64url'] as const) {
      const encoded = Buffer.from('x'.repeat(shift) + secret).toString(encoding);
      // The first group mixes in the filler (when shifted), the last one whatever follows.
      const stable = encoded.slice(shift === 0 ? 0 : 4, -4);
      if (stable.length >= MIN_LEAK_SLICE) forms.add(stable);
    }
  }
  return [...forms];
}

export interface Leak {
  where: string;
  form: string;
}

/** A scanner over named texts that remembers how much it read, so a test can prove it read enough. */
export class SecretScanner {
  private readonly forms: string[];
  readonly leaks: Leak[] = [];
  sources = 0;
  bytes = 0;

  constructor(secrets: string[]) {
    this.forms = secrets.flatMap(leakForms);
  }

  scan(where: string, content: string | Buffer): void {
    const text = typeof content === 'string' ? content : content.toString('latin1');
    this.sources += 1;
    this.bytes += text.length;
    // UTF-16 copies (e.g. a Windows clipboard or an SQLite page in UTF-16) are checked too.
    const variants = typeof content === 'string' ? [text] : [text, content.toString('utf16le')];
    for (const variant of variants) {
      const form = this.forms.find((candidate) => variant.includes(candidate));
      if (form) {
        this.leaks.push({ where, form });
        return;
      }
    }
  }
}
