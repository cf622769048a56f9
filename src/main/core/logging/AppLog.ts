/**
 * Where main reports what a person may need to attach to a bug report (the crash log). Every
 * line is redacted by the logger before it is written; callers still pass no secret on purpose.
 */
export interface AppLog {
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}

/** For tests and the CLI: logs nowhere. */
export const silentLog: AppLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
