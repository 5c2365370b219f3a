import { uuidv4 } from 'lib0/random'

/** A new random object or canvas id. */
export const newId = (): string => uuidv4()
