import { MAX_IMPORT_CHARS } from '../shared/ipc';

/** Messages on the harness socket that stands in for Electron IPC between page and core. */
export interface InvokeMessage {
  type: 'invoke';
  id: number;
  channel: string;
  payload: unknown;
}
export type ServerMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; channel: string; payload: unknown };

export const SOCKET_PATH = '/__harness/socket';
export const BRIDGE_PATH = '/__harness/bridge.js';

/**
 * A page's invoke travels as one JSON text. Up to FRAME_CHARS it is one frame; a longer one (an
 * import) goes as pieces `CHUNK_PREFIX<id>:<0|1>:<slice>`, 1 on the last, reassembled by the
 * server. No frame is then larger than MAX_FRAME_BYTES, the socket's own frame cap.
 */
export const FRAME_CHARS = 1024 * 1024;
export const CHUNK_PREFIX = 'chunk:';
/** UTF-8 takes at most 3 bytes per UTF-16 unit; the prefix and envelope fit in the rest. */
export const MAX_FRAME_BYTES = FRAME_CHARS * 3 + 1024;
/**
 * The longest invoke text: the largest import the schema accepts, as JSON encodes it at worst
 * (a control character becomes `\u0000`, six characters), with room for the envelope.
 */
export const MAX_MESSAGE_CHARS = MAX_IMPORT_CHARS * 6 + 64 * 1024;

/** Splits an invoke's text into the frames that carry it. */
export function framesFor(id: number, text: string): string[] {
  if (text.length <= FRAME_CHARS) return [text];
  const frames: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + FRAME_CHARS, text.length);
    // A surrogate pair cut in two would reach the server as two replacement characters.
    const unit = text.charCodeAt(end - 1);
    if (end < text.length && unit >= 0xd800 && unit <= 0xdbff) end -= 1;
    frames.push(`${CHUNK_PREFIX}${id}:${end >= text.length ? 1 : 0}:${text.slice(at, end)}`);
    at = end;
  }
  return frames;
}

/** One piece of a chunked invoke, or null when the frame is not one. */
export function parseChunk(frame: string): { id: number; last: boolean; data: string } | null {
  if (!frame.startsWith(CHUNK_PREFIX)) return null;
  const match = /^chunk:(\d{1,15}):([01]):/.exec(frame.slice(0, 40));
  if (!match) return null;
  return { id: Number(match[1]), last: match[2] === '1', data: frame.slice(match[0].length) };
}
