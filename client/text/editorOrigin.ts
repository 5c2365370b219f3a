import { ySyncPluginKey } from '@tiptap/y-tiptap'

/**
 * The origin of every Yjs change a Tiptap editor in this tab makes. The board's per-person undo
 * tracks it too, so Undo after Escape still takes back what you typed (and only what you typed:
 * remote changes arrive with the provider as origin).
 */
export const EDITOR_ORIGIN: unknown = ySyncPluginKey
