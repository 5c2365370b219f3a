/** Limits shared by the client (to say no early) and the server (to enforce). */
export const LIMITS = {
  titleMax: 200,
  nameMax: 60,
  commitmentMax: 500,
  /** A session's JSON export, images embedded, as the import accepts it (bytes). */
  importMax: 64 * 1024 * 1024,
} as const
