/**
 * A size as people read it: "312 B", "4,5 KB", "12 KB", "21,5 MB". The units and digits in one
 * place, the number written by the caller's Intl format (the renderer's language in use, or
 * the one language main writes a page in), so every screen says a size the same way.
 */
export function bytesWritten(bytes: number, number: (n: number, digits: number) => string): string {
  // A small file is "312 B", not "0 KB"; below 10 KB a decimal still says something.
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 10 * 1024) return `${number(bytes / 1024, 1)} KB`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / 1024 / 1024, 1)} MB`;
}
