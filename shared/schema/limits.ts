/** Limits shared by the client (to say no early) and the server (to enforce). */
export const LIMITS = {
  titleMax: 200,
  nameMax: 60,
  commitmentMax: 500,
} as const
