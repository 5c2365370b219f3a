import { controlRoom } from '../../shared/rooms'
import { groupOfMap, readGroups } from '../../shared/schema/groups'
import type { Relay } from '../relay/relay'
import { SERVER_ORIGIN, withRoom } from './roomAccess'
import { SessionError } from './service'

/**
 * "Let people choose": a person puts themselves in a group. The server writes it (the control room is
 * the facilitators'), and only for the person the token proves, only while choosing is on and only
 * into a group that exists; nobody can choose for someone else.
 */
export async function chooseGroup(
  relay: Relay,
  sessionId: string,
  person: string,
  group: string,
): Promise<void> {
  await withRoom(relay, controlRoom(sessionId), (room) => {
    const state = readGroups(room.doc)
    if (state.phase !== 'running' || !state.choose)
      throw new SessionError(409, 'groups are not open for choosing')
    if (!state.groups.some((g) => g.id === group)) throw new SessionError(400, 'no such group')
    if (state.members[person] === group) return
    room.doc.transact(() => groupOfMap(room.doc).set(person, group), SERVER_ORIGIN)
  })
}
