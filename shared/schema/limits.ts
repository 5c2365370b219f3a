/** Limits shared by the client (to say no early) and the server (to enforce). */
export const LIMITS = {
  titleMax: 200,
  nameMax: 60,
  commitmentMax: 500,
  /** People one session holds at most (joins past it are refused; an import's answer counts too). */
  peopleMax: 500,
  /** A session's JSON export, images embedded, as the import accepts it (bytes). */
  importMax: 64 * 1024 * 1024,
  /**
   * How deep rich text may nest (elements inside elements: a list item in a list in a quote is 3).
   * The editor never gets near it; the relay refuses deeper text and every reader stops there.
   */
  richTextMaxDepth: 32,
} as const
