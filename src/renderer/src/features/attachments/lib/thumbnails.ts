import { useEffect, useState } from 'react';
import { api } from '../../../lib/api';

/** Thumbnails by attachment id (a few KB each): from the chips, or asked of main after a reload. */
const known = new Map<string, string>();

export function rememberThumbnail(id: string, dataUrl: string | undefined): void {
  if (dataUrl) known.set(id, dataUrl);
}

/** The image's thumbnail, asked of main once when this session has not seen it. */
export function useThumbnail(id: string): string | null {
  const [fetched, setFetched] = useState<{ id: string; url: string } | null>(null);
  useEffect(() => {
    if (known.has(id)) return;
    let live = true;
    void api.getAttachment({ id, size: 'thumbnail' }).then((result) => {
      if (!result.ok) return;
      known.set(id, result.value.dataUrl);
      if (live) setFetched({ id, url: result.value.dataUrl });
    });
    return () => {
      live = false;
    };
  }, [id]);
  return known.get(id) ?? (fetched?.id === id ? fetched.url : null);
}
