import type Database from 'better-sqlite3';
import { getLoadablePath } from 'sqlite-vec';

/**
 * Where sqlite-vec's loadable library is. SQLite loads an extension from a real file, and in a
 * packaged app the path resolves inside app.asar, which only Electron's fs can read:
 * electron-builder.yml unpacks the library to app.asar.unpacked, so the path is rewritten there.
 */
export function vectorExtensionPath(resolved: string = getLoadablePath()): string {
  return resolved.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** Loads sqlite-vec (the `vec0` virtual table) into a connection; knowledge bases need it. */
export function loadVectorExtension(db: Database.Database): void {
  db.loadExtension(vectorExtensionPath());
}
