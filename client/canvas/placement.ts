/** Where new objects go: the shared rule, so the board and the server's Reveal place alike. */
export { freeSpot, obstacles } from '../../shared/schema/placement'
