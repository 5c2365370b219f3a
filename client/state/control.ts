import type * as Y from 'yjs'
import {
  readCanvases,
  readCommitments,
  readSessionInfo,
  type CanvasInfo,
  type SessionInfo,
} from '../../shared/schema/controlDoc'
import { useDocValue } from './hooks'

/** The session's title and template, from the control room. */
export const useSessionInfo = (control: Y.Doc): SessionInfo => useDocValue(control, readSessionInfo)

/** The session's Community Commitments, in order. */
export const useCommitments = (control: Y.Doc): readonly string[] => useDocValue(control, readCommitments)

/** The session's canvases, in order. */
export const useCanvases = (control: Y.Doc): readonly CanvasInfo[] => useDocValue(control, readCanvases)
