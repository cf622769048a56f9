import sharp from 'sharp';
import { spoken } from '../../../shared/said';

export interface ImageFacts {
  width: number;
  height: number;
  /** A small WebP for chips and sent messages, as a data URL (a few KB). */
  thumbnail: string;
}

const THUMBNAIL_EDGE = 160;

/** Size and thumbnail of an image, read with sharp (EXIF orientation applied). */
export async function imageFacts(bytes: Uint8Array): Promise<ImageFacts | null> {
  try {
    const meta = await sharp(bytes).metadata();
    const thumb = await sharp(bytes)
      .rotate()
      .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside' })
      .webp({ quality: 70 })
      .toBuffer();
    const rotated = (meta.orientation ?? 1) >= 5;
    return {
      width: (rotated ? meta.height : meta.width) ?? 1,
      height: (rotated ? meta.width : meta.height) ?? 1,
      thumbnail: `data:image/webp;base64,${thumb.toString('base64')}`,
    };
  } catch {
    // A truncated or odd image still attaches; it just has no thumbnail.
    return null;
  }
}

export interface ScaledImage {
  bytes: Buffer;
  mimeType: string;
  /** True when the image was made smaller to fit the provider's limits. */
  scaled: boolean;
  /** Its size as sent, in pixels. */
  width: number;
  height: number;
}

/**
 * The image within a provider's limits: unchanged when it fits, else scaled to `maxEdge` on its
 * longest side (first frame of an animation) and, if still too large, re-encoded as JPEG at
 * falling quality until it fits.
 */
export async function fitImage(
  bytes: Uint8Array,
  mimeType: string,
  limits: { maxEdge: number; maxBytes: number },
): Promise<ScaledImage> {
  const meta = await sharp(bytes).metadata();
  const edge = Math.max(meta.width ?? 0, meta.height ?? 0);
  const ratio = Math.min(1, limits.maxEdge / Math.max(1, edge));
  const sent = {
    width: Math.round((meta.width ?? 0) * ratio),
    height: Math.round((meta.height ?? 0) * ratio),
  };
  if (edge <= limits.maxEdge && bytes.byteLength <= limits.maxBytes)
    return { bytes: Buffer.from(bytes), mimeType, scaled: false, ...sent };
  const resized = sharp(bytes).rotate().resize({
    width: limits.maxEdge,
    height: limits.maxEdge,
    fit: 'inside',
    withoutEnlargement: true,
  });
  const keepFormat = mimeType === 'image/png' || mimeType === 'image/webp';
  if (keepFormat) {
    const out = await resized.clone().toBuffer();
    if (out.byteLength <= limits.maxBytes) return { bytes: out, mimeType, scaled: true, ...sent };
  }
  for (const quality of [85, 70, 55, 40]) {
    const out = await resized.clone().jpeg({ quality }).toBuffer();
    if (out.byteLength <= limits.maxBytes)
      return { bytes: out, mimeType: 'image/jpeg', scaled: true, ...sent };
  }
  const words = spoken('attachments.imageTooLarge');
  throw Object.assign(new Error(words.message), { said: words.said });
}
