/** A file-system error as a person would say it, with its code for a bug report. */
export function fileFaultInWords(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'no permission: the folder or the file is read-only for Switchboard (EACCES)';
    case 'EROFS':
      return 'the disk is read-only (EROFS)';
    case 'EISDIR':
      return 'it is a folder, not a file (EISDIR)';
    case 'ENOTDIR':
      return 'a file stands where its folder should be (ENOTDIR)';
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
