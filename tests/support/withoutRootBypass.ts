/**
 * Root writes through any permission, and these machines run tests as root. Run a child under
 * this wrapper (setpriv takes that power out of its bounding set) and a read-only file or folder
 * refuses it as it would refuse a person. Empty when not root: permissions apply anyway.
 */
export const dropRootBypass: string[] =
  process.getuid?.() === 0
    ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner', '--']
    : [];
