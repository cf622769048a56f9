// Attachments (issue 16): the composer's chips, paperclip, drop and paste; a sent message's strip.
export { AttachButton } from './components/AttachButton';
export { AttachmentChips } from './components/AttachmentChips';
export { AttachmentStrip } from './components/AttachmentStrip';
export { useAttachmentInput } from './hooks/useAttachmentInput';
export { rememberThumbnail } from './lib/thumbnails';
export { readyViews, useAttachmentDraft } from './store/attachmentDraft';
export { useComposerAttachments } from './hooks/useComposerAttachments';
