import { useEffect, type ClipboardEvent } from 'react';
import { pastedName } from '../lib/readFile';
import { useAttachmentDraft } from '../store/attachmentDraft';

/**
 * Files dropped anywhere on the window attach to the composer (and never make the page
 * navigate to them); the returned handler attaches pasted files and images, leaving pasted
 * text to the box.
 */
export function useAttachmentInput(enabled: boolean) {
  const add = useAttachmentDraft((s) => s.add);
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (enabled) void add([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [add, enabled]);

  return (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (!enabled || files.length === 0) return;
    event.preventDefault();
    void add(files, (file) => pastedName(file));
  };
}
