import type { ExportedFile } from '../../../shared/conversations';

/** Offers a file made in main as a download (the harness and the browser have no save dialog). */
export function offerDownload(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; revoke once the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
