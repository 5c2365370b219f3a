/** Plain snapshots of the Y documents for React, and the commands and undo that change them. */
export { createBoardModel, type BoardModel, type BoardModelOptions } from './boardModel'
export { createBoardCommands, type BoardCommands, type PropsChange } from './commands'
export { permissionsFor, type Permissions } from './permissions'
export { ObjectIndex, type CanvasObjects } from './objectIndex'
export { UndoStore, type UndoState } from './undoStore'
export { useCanvasObjects, useUndoState, useDocValue, useStore } from './hooks'
export { useSessionInfo, useCommitments, useCanvases, type SessionCommitments } from './control'
export {
  usePeers,
  useRoomPeople,
  useLeaderView,
  createPeersStore,
  type Peer,
  type PeersStore,
} from './peers'
export { createCanvasCommands, useCanvasCommands, type CanvasCommands } from './canvasCommands'
