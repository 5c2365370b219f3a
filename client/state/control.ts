import type * as Y from 'yjs'
import type { UiLang } from '../../shared/lang'
import {
  readCanvases,
  readCommitmentTexts,
  readSessionInfo,
  readSessionLangs,
  type CanvasInfo,
  type SessionInfo,
} from '../../shared/schema/controlDoc'
import type { LangText } from '../../shared/schema/langText'
import { useDocValue } from './hooks'

/** The session's title and template, from the control room. */
export const useSessionInfo = (control: Y.Doc): SessionInfo => useDocValue(control, readSessionInfo)

/** The Community Commitments in each of the session's languages, with those languages (main first). */
export interface SessionCommitments {
  readonly langs: readonly UiLang[]
  readonly lines: readonly LangText[]
}

const readSessionCommitments = (doc: Y.Doc): SessionCommitments => ({
  langs: readSessionLangs(doc),
  lines: readCommitmentTexts(doc),
})

/** The session's Community Commitments, in order, in each of its languages. */
export const useCommitments = (control: Y.Doc): SessionCommitments =>
  useDocValue(control, readSessionCommitments)

/** The session's canvases, in order. */
export const useCanvases = (control: Y.Doc): readonly CanvasInfo[] => useDocValue(control, readCanvases)
