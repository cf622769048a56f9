/** A file's bytes as base64, the way the storeAttachment channel carries them over JSON. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // In slices: String.fromCharCode over megabytes at once overflows the call stack.
  let binary = '';
  const slice = 0x8000;
  for (let at = 0; at < bytes.length; at += slice)
    binary += String.fromCharCode(...bytes.subarray(at, at + slice));
  return btoa(binary);
}

/** A name for a pasted image, which the clipboard gives none: pasted-image-20261203-101500.png. */
export function pastedName(file: File, now = new Date()): string {
  if (file.name && file.name !== 'image.png') return file.name;
  const ext = file.type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `pasted-image-${stamp}.${ext}`;
}
