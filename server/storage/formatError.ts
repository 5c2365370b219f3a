/**
 * The stored data cannot be used by this server: written by a newer one, or a format step failed
 * (and changed nothing). The server says the message and does not start.
 */
export class StorageFormatError extends Error {}
