import type { IpcHandlers } from '../../../shared/ipc';
import type { UsageWriter } from './UsageWriter';

type TestConnection = IpcHandlers['testConnection'];

/**
 * Counts "Test connection" in the ledger: it is a real call to the provider (a models list, a
 * minimal chat call on the profile's wire API, a 1-token completion on Azure) and the ledger
 * promises every call: one row per test. The chat call is billed: the probe reads the usage its
 * answer reported (probeUsage.ts) and the row carries it with the model that answered, so the
 * ledger prices it like any answer. A test that made no billed call (a models list only, as
 * Anthropic's and Gemini's are; a refused call) has no tokens and no cost. A probe stopped before
 * any request (bad config, failed sign-in: no URL) is not a provider call and is not counted. A
 * row that cannot be written (full disk) waits like any other; the person still gets the report.
 */
export function recordProbe(testConnection: TestConnection, usage: UsageWriter): TestConnection {
  return async (request) => {
    const report = await testConnection(request);
    if (report.url) {
      usage.recordCall({
        kind: 'test',
        profileId: request.profile.id ?? null,
        provider: request.profile.type,
        model: report.billed?.model ?? null,
        conversationId: null,
        messageId: null,
        usage: report.billed?.usage ?? null,
        ttftMs: null,
        durationMs: report.durationMs,
        outcome: report.ok ? 'ok' : `error:${report.step}`,
      });
    }
    return report;
  };
}
