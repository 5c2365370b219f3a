import { expect } from 'vitest'
import { controlRoom } from '../../shared/rooms'
import { openVoteBudget } from '../../shared/schema/facilitation'
import type { Harness } from './harness'
import { synced } from './server'

/**
 * Resolves once the server has dot voting open in a session (a fresh reader of its control room
 * sees it): votes sent after this, on any connection, are judged with voting open. Without it, a
 * vote sent just after `startVoting` on another socket may reach the server first, and be refused.
 */
export async function untilVotingOpen(h: Harness, sessionId: string, facilitatorKey: string): Promise<void> {
  const probe = h.open(controlRoom(sessionId), facilitatorKey)
  await synced(probe)
  await expect.poll(() => openVoteBudget(probe.doc)).not.toBeNull()
}
