/**
 * THE contract between renderer and main: every invoke channel with a zod schema for its
 * request and a type for its response, and every event with its payload type.
 * Electron IPC, the in-memory test pair and the browser harness all carry exactly this.
 */
import { z } from 'zod';
import { invoke } from './invokeChannel';
import { attachmentChannels } from './attachmentChannels';
import { attachmentLimits } from './attachments';
import { attachmentId } from './messagePartSchema';
import { chatParametersSchema } from './chatParameters';
import {
  importDuplicateChoices,
  type ConversationDetail,
  type ConversationPage,
  type ConversationSummary,
  type ConversationThread,
  type ExportedFile,
  type ImportPreview,
  type ImportSummary,
  type SearchHit,
} from './conversations';
import { captureSettingsSchema, type CaptureSettings, type ExchangeRecord } from './exchanges';
import { startCompareRequest, type CompareStarted, type CompareStreamBatch } from './compare';
import { dataChannels } from './dataIpc';
import { uiLanguages, type UiLanguage } from './locales/languages';
import type { StorageStatus } from './storage';
import {
  toolChannels,
  type ToolApprovalRequest,
  type ToolApprovalSettled,
  type ToolServerView,
} from './toolChannels';
import { contextChannels } from './contextChannels';
import { presetChannels } from './presetChannels';
import { searchChannels } from './searchChannels';
import { knowledgeChannels } from './knowledgeChannels';
import type { IndexProgress } from './knowledge';
import type { StreamEvent } from './stream';
import {
  priceOverrideSchema,
  usageRangeSchema,
  type PriceList,
  type RateLimitView,
  type UsageReport,
} from './usage';
import {
  headerName,
  profileId,
  profileInputSchema,
  secretValue,
  type AppNotice,
  type ConnectionReport,
  type ProfilesSnapshot,
  type ProfileView,
  type SetupCandidate,
} from './profiles';

const id = z.string().min(1).max(128);

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'harness' when served to a browser by the test harness. */
  shell: 'electron' | 'harness';
}

export interface SendMessageResponse {
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
  streamId: string;
}

const chatParameters = chatParametersSchema;

/**
 * Everything the chat settings panel shows: sent with a message, it becomes the conversation's
 * settings exactly (a null or absent field is cleared, not kept from before).
 */
export const chatSettingsSchema = z
  .object({
    model: z.string().trim().min(1).max(200).nullable(),
    systemPrompt: z.string().max(100_000).nullable(),
    parameters: chatParameters,
  })
  .strict();

export const sendMessageRequest = z
  .object({
    conversationId: id.optional(),
    text: z.string().max(1_000_000),
    /** Attachments stored by `storeAttachment`, in order: their ids and the names shown. */
    attachments: z
      .array(z.object({ id: attachmentId, name: z.string().min(1).max(1000) }).strict())
      .max(attachmentLimits.maxPerMessage)
      .optional(),
    /** For a new chat: the tool servers turned off in it, chosen before it existed. */
    toolsOff: z.array(id).max(200).optional(),
    /** The profile that answers (the header's pick); absent: the conversation's, or the start pick. */
    profileId: profileId.optional(),
    /** The chat settings panel's whole state; replaces the conversation's settings. */
    settings: chatSettingsSchema.optional(),
    // Optional per-message choices (the CLI and older callers); laid over the stored settings.
    model: z.string().min(1).max(200).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
    system: z.string().max(100_000).optional(),
  })
  .strict()
  .refine((request) => request.text.length > 0 || (request.attachments?.length ?? 0) > 0, {
    message: 'Write a message or attach a file.',
    path: ['text'],
  });

/** Secret header values by header name: a string sets it, null removes it. */
const headerSecrets = z.record(headerName, secretValue.nullable()).optional();

export const saveProfileRequest = z
  .object({
    profile: profileInputSchema,
    /** A new key; absent keeps the stored one. */
    apiKey: secretValue.optional(),
    removeKey: z.boolean().optional(),
    headerSecrets,
    /** 'session' keeps the key in memory only (offered when no keychain is reachable). */
    keyStorage: z.enum(['keychain', 'session']).default('keychain'),
    makeDefault: z.boolean().optional(),
  })
  .strict();

export const testConnectionRequest = z
  .object({
    profile: profileInputSchema,
    /** A key typed but not saved yet; absent uses the stored one (or the environment's). */
    apiKey: secretValue.optional(),
    headerSecrets,
  })
  .strict();

// --- Conversations (store issue): list, thread, versions, search, export and import. ---
const conversationRef = z.object({ conversationId: id }).strict();
const messageRef = z.object({ conversationId: id, messageId: id }).strict();

/**
 * The largest import (characters of the file's text). The one limit: the harness socket sizes
 * its message cap from it (src/harness/protocol.ts), so an import this schema accepts fits.
 */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

export const conversationChannels = {
  listConversations: invoke<ConversationPage>()(
    z
      .object({
        cursor: z.string().max(512).nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
  ),
  getConversation: invoke<ConversationThread>()(conversationRef),
  renameConversation: invoke<ConversationSummary>()(
    z.object({ conversationId: id, title: z.string().trim().min(1).max(200) }).strict(),
  ),
  pinConversation: invoke<ConversationSummary>()(
    z.object({ conversationId: id, pinned: z.boolean() }).strict(),
  ),
  deleteConversation: invoke<{ deleted: boolean }>()(conversationRef),
  restoreConversation: invoke<ConversationSummary>()(conversationRef),
  updateConversationSettings: invoke<ConversationDetail>()(
    z
      .object({
        conversationId: id,
        /** Moves the conversation to another profile (the header's model selector). */
        profileId: profileId.optional(),
        model: z.string().min(1).max(200).nullish(),
        systemPrompt: z.string().max(100_000).nullish(),
        parameters: chatParameters.optional(),
      })
      .strict(),
  ),
  selectMessageVersion: invoke<ConversationThread>()(messageRef),
  /** "Fork from here": a new conversation with the path up to the message, linked back to it. */
  forkConversation: invoke<ConversationThread>()(messageRef),
  regenerateMessage: invoke<SendMessageResponse>()(messageRef),
  /** Deletes a message and everything after it in its branch. */
  deleteMessage: invoke<ConversationThread>()(messageRef),
  editMessage: invoke<SendMessageResponse>()(
    z
      .object({ conversationId: id, messageId: id, text: z.string().min(1).max(1_000_000) })
      .strict(),
  ),
  continueMessage: invoke<SendMessageResponse>()(messageRef),
  searchConversations: invoke<SearchHit[]>()(
    z
      .object({ query: z.string().max(500), limit: z.number().int().min(1).max(100).default(30) })
      .strict(),
  ),
  exportConversations: invoke<ExportedFile>()(
    z
      .object({
        conversationIds: z.array(id).max(100_000).optional(),
        format: z.enum(['markdown', 'json']),
      })
      .strict(),
  ),
  /** Reads an import file and counts what is already here; writes nothing. */
  previewImport: invoke<ImportPreview>()(
    z.object({ content: z.string().min(1).max(MAX_IMPORT_CHARS) }).strict(),
  ),
  importConversations: invoke<ImportSummary>()(
    z
      .object({
        content: z.string().min(1).max(MAX_IMPORT_CHARS),
        /** Required: what happens to conversations already present is always the person's call. */
        duplicates: z.enum(importDuplicateChoices),
      })
      .strict(),
  ),
} as const;

export const invokeChannels = {
  ...conversationChannels,
  // Backups and sync (issue 19): Settings › Data.
  ...dataChannels,
  ...attachmentChannels,
  ...presetChannels,
  ...contextChannels,
  ...toolChannels,
  // A search provider as the built-in web_search tool (issue 20): Settings › Web search.
  ...searchChannels,
  // Knowledge bases (issue 20).
  ...knowledgeChannels,
  getAppInfo: invoke<AppInfo>()(z.object({}).strict()),
  /** The interface language the page uses (issue 19): main rebuilds the menu and its dialogs in it. */
  setUiLanguage: invoke<{ language: UiLanguage }>()(
    z.object({ language: z.enum(uiLanguages) }).strict(),
  ),
  sendMessage: invoke<SendMessageResponse>()(sendMessageRequest),
  stopStream: invoke<{ stopped: boolean }>()(z.object({ streamId: id }).strict()),
  // Profiles and keys (issue 4). Keys travel renderer -> main only; main answers with hints.
  listProfiles: invoke<ProfilesSnapshot>()(z.object({}).strict()),
  saveProfile: invoke<ProfileView>()(saveProfileRequest),
  deleteProfile: invoke<{ deleted: boolean }>()(z.object({ id: profileId }).strict()),
  setDefaultProfile: invoke<{ defaultProfileId: string }>()(z.object({ id: profileId }).strict()),
  /** Fetches the profile's model list from its server again (kept in main for the picker). */
  refreshModels: invoke<ProfileView>()(z.object({ id: profileId }).strict()),
  testConnection: invoke<ConnectionReport>()(testConnectionRequest),
  discoverSetup: invoke<{ candidates: SetupCandidate[] }>()(
    z
      .object({
        envFileText: z
          .string()
          .max(256 * 1024)
          .optional(),
      })
      .strict(),
  ),
  importCandidate: invoke<ProfileView>()(
    z
      .object({ candidateId: id, keyStorage: z.enum(['keychain', 'session']).default('keychain') })
      .strict(),
  ),
  dismissFirstRun: invoke<{ firstRun: false }>()(z.object({}).strict()),
  getNotices: invoke<AppNotice[]>()(z.object({}).strict()),
  getStorageStatus: invoke<StorageStatus>()(z.object({}).strict()),
  // Usage (issue 7): figures from the ledger, headroom, editable prices.
  getUsageReport: invoke<UsageReport>()(usageRangeSchema),
  exportUsageCsv: invoke<ExportedFile>()(usageRangeSchema),
  getRateLimits: invoke<RateLimitView[]>()(z.object({}).strict()),
  listPrices: invoke<PriceList>()(z.object({}).strict()),
  setPriceOverride: invoke<PriceList>()(priceOverrideSchema),
  removePriceOverride: invoke<PriceList>()(
    z.object({ model: z.string().min(1).max(200) }).strict(),
  ),
  // Inspector (issue 8): the captured exchanges behind an answer, and the capture setting.
  getExchanges: invoke<ExchangeRecord[]>()(z.object({ messageId: id }).strict()),
  getCaptureSettings: invoke<CaptureSettings>()(z.object({}).strict()),
  setCaptureSettings: invoke<CaptureSettings>()(captureSettingsSchema),
  // Compare (issue 8): one prompt to 2–4 profile/model pairs at once.
  startCompare: invoke<CompareStarted>()(startCompareRequest),
  stopCompare: invoke<{ stopped: boolean }>()(z.object({ compareId: id }).strict()),
  continueCompare: invoke<{ conversationId: string }>()(
    z.object({ compareId: id, lane: z.number().int().min(0).max(3) }).strict(),
  ),
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
/** What the renderer passes (before defaults are applied). */
export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
/** What a handler receives (after validation). */
export type ValidRequestOf<C extends InvokeChannel> = z.output<
  (typeof invokeChannels)[C]['request']
>;
export type ResponseOf<C extends InvokeChannel> = (typeof invokeChannels)[C]['response'];

/** A batch of normalized events for one stream, coalesced in main (at most ~60 a second). */
export interface ChatStreamBatch {
  streamId: string;
  conversationId: string;
  messageId: string;
  events: StreamEvent[];
}

/** App commands the native menu sends to the page (the page owns the state they act on). */
export const menuCommands = [
  'newConversation',
  'search',
  'settings',
  'stop',
  'toggleSidebar',
  'shortcuts',
] as const;
export type MenuCommand = (typeof menuCommands)[number];
export interface MenuCommandEvent {
  command: MenuCommand;
}

/** Something in the conversation list changed (created, answered, titled): the sidebar refreshes. */
export interface ConversationsChanged {
  conversationId: string | null;
}

export interface EventPayloads {
  chatStream: ChatStreamBatch;
  menuCommand: MenuCommandEvent;
  /** Something main wants the person to know (a corrupt preferences file, a device-code sign-in). */
  appNotice: AppNotice;
  conversationsChanged: ConversationsChanged;
  /** The history stopped being writable (a fault found mid-session): the banner comes up. */
  storageStatus: StorageStatus;
  /** A batch of one compare column's events; the last one carries its figures. */
  compareStream: CompareStreamBatch;
  /** A tool call waits for the person's answer (an approval card in the chat). */
  toolApproval: ToolApprovalRequest;
  /** The approval was answered or dropped (the answer stopped): its card goes. */
  toolApprovalSettled: ToolApprovalSettled;
  /** A tool server's state changed (starting, ready, failed). */
  toolServer: ToolServerView;
  /** A knowledge collection's index pass moved on (or ended). */
  knowledgeProgress: IndexProgress;
}
export type EventChannel = keyof EventPayloads;
export const eventChannels: readonly EventChannel[] = [
  'chatStream',
  'menuCommand',
  'appNotice',
  'conversationsChanged',
  'compareStream',
  'storageStatus',
  'toolApproval',
  'toolApprovalSettled',
  'toolServer',
  'knowledgeProgress',
];

/** The wire name of a channel, namespaced so nothing else on ipcMain can collide with it. */
export function wireChannel(channel: InvokeChannel | EventChannel): string {
  return `switchboard:${channel}`;
}

export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.prototype.hasOwnProperty.call(invokeChannels, name);
}

/**
 * The handler table main must provide. A mapped type over every channel: a channel without
 * a handler is a compile error wherever a table is built.
 */
export type IpcHandlers = {
  [C in InvokeChannel]: (request: ValidRequestOf<C>) => Promise<ResponseOf<C>>;
};

/** How core sends an event to whatever renderer is attached (Electron window, harness socket, test). */
export type EventSink = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;
