import { createHmac, randomBytes } from 'node:crypto';
import { createClient, type WebDAVClient } from 'webdav';
import { SyncError } from './SyncError';
import { deriveKey, newKdfParams, seal, unseal, type KdfParams } from './syncCrypto';
import type { ConversationRecord } from './syncRecords';
import { spoken } from '../../../shared/said';

/** `keys.json`, in the clear: how to derive the key, and a sealed known text to check it with. */
interface KeyFile {
  format: 'switchboard-sync';
  version: 1;
  kdf: KdfParams;
  check: string;
}

/** The encrypted index: each conversation's file and hash, and the deleted ones' tombstones. */
export interface Manifest {
  version: 1;
  conversations: Record<string, { hash: string; file: string; updatedAt: number }>;
  tombstones: Record<string, number>;
}

const KEY_FILE = 'keys.json';
const MANIFEST = 'manifest.sbx';
const CHECK_TEXT = 'switchboard-sync-key-check';

/**
 * The server side of sync: one folder holding `keys.json`, `manifest.sbx` and one encrypted file
 * per conversation version under `conversations/`. Every upload goes to a temporary name and is
 * then MOVEd into place, so a cut upload leaves the file it would have replaced as it was; the
 * manifest is written last, so until it is the other machines see the folder as before.
 */
export class RemoteFolder {
  private constructor(
    private readonly client: WebDAVClient,
    private readonly root: string,
    private readonly key: Buffer,
  ) {}

  static async open(settings: {
    url: string;
    username: string;
    password: string;
    folder: string;
    passphrase: string;
  }): Promise<RemoteFolder> {
    const client = createClient(settings.url, {
      username: settings.username,
      password: settings.password,
    });
    const root = `/${settings.folder.replace(/^\/+|\/+$/g, '')}`;
    await remote(async () => {
      for (const dir of ['conversations', 'attachments'])
        if (!(await client.exists(`${root}/${dir}`)))
          await client.createDirectory(`${root}/${dir}`, { recursive: true });
    });
    const keyFile = await readKeyFile(client, root);
    if (keyFile) {
      const key = await deriveKey(settings.passphrase, keyFile.kdf);
      const check = unseal(key, KEY_FILE, Buffer.from(keyFile.check, 'base64'));
      if (check?.toString() !== CHECK_TEXT)
        throw new SyncError(
          'wrong_passphrase',
          spoken('sync.wrongPassphrase', { folder: settings.folder }),
        );
      return new RemoteFolder(client, root, key);
    }
    const kdf = newKdfParams();
    const fresh = await deriveKey(settings.passphrase, kdf);
    const folder = new RemoteFolder(client, root, fresh);
    const check = seal(fresh, KEY_FILE, Buffer.from(CHECK_TEXT)).toString('base64');
    const file: KeyFile = { format: 'switchboard-sync', version: 1, kdf, check };
    await folder.putAtomically(KEY_FILE, Buffer.from(JSON.stringify(file, null, 2)));
    return folder;
  }

  /** The manifest as this pass read it, to see whether another machine wrote one since. */
  private manifestRead: Buffer | null = null;

  async manifest(): Promise<Manifest> {
    const sealed = await this.read(MANIFEST);
    this.manifestRead = sealed;
    if (!sealed) return { version: 1, conversations: {}, tombstones: {} };
    return this.opened<Manifest>(MANIFEST, sealed);
  }

  async conversation(file: string): Promise<ConversationRecord> {
    const sealed = await this.read(`conversations/${file}`);
    if (!sealed) throw new SyncError('damaged', spoken('sync.conversationMissing', { file }));
    return this.opened<ConversationRecord>('conversation', sealed);
  }

  async putConversation(file: string, record: ConversationRecord): Promise<void> {
    const plain = Buffer.from(JSON.stringify(record));
    await this.putAtomically(`conversations/${file}`, seal(this.key, 'conversation', plain));
  }

  /**
   * Written only over the manifest this pass read: one another machine wrote meanwhile would
   * otherwise be lost, so the pass stops and is run again (its uploads are merged then).
   */
  async putManifest(manifest: Manifest): Promise<void> {
    const now = await this.read(MANIFEST);
    const same =
      now === null ? this.manifestRead === null : now.equals(this.manifestRead ?? Buffer.alloc(0));
    if (!same) throw new SyncError('busy', spoken('sync.busy'));
    await this.putAtomically(
      MANIFEST,
      seal(this.key, MANIFEST, Buffer.from(JSON.stringify(manifest))),
    );
  }

  async hasAttachment(id: string): Promise<boolean> {
    return remote(() => this.client.exists(`${this.root}/${this.attachmentPath(id)}`));
  }

  async putAttachment(id: string, bytes: Buffer): Promise<void> {
    await this.putAtomically(this.attachmentPath(id), seal(this.key, `attachment:${id}`, bytes));
  }

  /** The attachment's bytes, or null when no machine has sent it yet. */
  async attachment(id: string): Promise<Buffer | null> {
    const sealed = await this.read(this.attachmentPath(id));
    return sealed ? this.opened(`attachment:${id}`, sealed, (plain) => plain) : null;
  }

  /**
   * Named by a keyed hash of its id, not the id: the id is the SHA-256 of the bytes, so the
   * server could otherwise tell that a person attached a file it already knows.
   */
  private attachmentPath(id: string): string {
    const name = createHmac('sha256', this.key).update(`attachment:${id}`).digest('hex');
    return `attachments/${name.slice(0, 32)}.sbx`;
  }

  /** Best effort: a file no manifest names any more (the one replaced) goes. */
  async removeConversation(file: string): Promise<void> {
    try {
      await this.client.deleteFile(`${this.root}/conversations/${file}`);
    } catch {
      // Left behind, unreferenced: harmless, and removed by no one else.
    }
  }

  private opened<T>(
    role: string,
    sealed: Buffer,
    read: (plain: Buffer) => T = (plain) => JSON.parse(plain.toString()) as T,
  ): T {
    const plain = unseal(this.key, role, sealed);
    if (!plain) throw new SyncError('damaged', spoken('sync.undecryptable'));
    return read(plain);
  }

  private async read(path: string): Promise<Buffer | null> {
    return remote(async () => {
      const full = `${this.root}/${path}`;
      if (!(await this.client.exists(full))) return null;
      const data = await this.client.getFileContents(full, { format: 'binary' });
      return Buffer.from(data as ArrayBuffer);
    });
  }

  private async putAtomically(path: string, data: Buffer): Promise<void> {
    const full = `${this.root}/${path}`;
    const temporary = `${full}.upload-${randomBytes(6).toString('hex')}`;
    await remote(async () => {
      await this.client.putFileContents(temporary, data, { overwrite: true });
      await this.client.moveFile(temporary, full, { overwrite: true });
    });
  }
}

async function readKeyFile(client: WebDAVClient, root: string): Promise<KeyFile | null> {
  const text = await remote(async () =>
    (await client.exists(`${root}/${KEY_FILE}`))
      ? String(await client.getFileContents(`${root}/${KEY_FILE}`, { format: 'text' }))
      : null,
  );
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as KeyFile;
    if (parsed.format === 'switchboard-sync' && parsed.kdf?.name === 'scrypt') return parsed;
  } catch {
    // Falls through to the message below.
  }
  throw new SyncError('damaged', spoken('sync.foreignKeyFile', { file: KEY_FILE }));
}

/** A WebDAV call whose failure becomes a SyncError in words. */
async function remote<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw syncErrorOf(error);
  }
}

function syncErrorOf(error: unknown): SyncError {
  const status = (error as { status?: unknown }).status;
  const detail = error instanceof Error ? error.message : String(error);
  if (status === 401 || status === 403)
    return new SyncError('auth', spoken('sync.authRefused'), { cause: error });
  if (typeof status === 'number')
    return new SyncError('server', spoken('sync.serverStatus', { status, detail }), {
      cause: error,
    });
  return new SyncError('unreachable', spoken('sync.unreachable', { detail }), { cause: error });
}
