/** The only door to the socket: rooms, their documents, awareness and connection status. */
export {
  connectRoom,
  RECOVERY_ORIGIN,
  type RoomConnection,
  type ConnectRoomOptions,
  type RefusalNotice,
  type Refusals,
} from './roomConnection'
export { combineStatus, ValueStore, type RoomStatus, type LinkState } from './statusStore'
export {
  joinPresence,
  leavePresence,
  keepColorDistinct,
  setPresenceSelection,
  createCursorPublisher,
  type PresenceUser,
  type CursorPosition,
  type CursorPublisher,
  type ViewPosition,
} from './presence'
export { wsBase } from './wsBase'
export { useRoomConnection } from './useRoomConnection'
export { prefetchBoard } from './prefetch'
export { usePrivateRoom, useFacilitatorRoom } from './useSessionRooms'
export {
  personTokenFor,
  personIdFor,
  rememberPersonToken,
  forgetPersonToken,
  rememberRemoval,
  wasRemoved,
} from './personToken'
export { usePresenceField, usePrivateWriting, type PrivateWriting } from './presenceFields'
