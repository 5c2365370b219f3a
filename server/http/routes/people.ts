import { z } from 'zod'
import { ROLES, type Role } from '../../../shared/rooms'
import { hashKey, newKey } from '../../sessions/keys'
import {
  CAP_RETRY_SECONDS,
  CapError,
  NAME_MAX,
  NameTakenError,
  addPerson,
  admit,
  answer,
  personView,
  rejoin,
  remove,
} from '../../sessions/people'
import { authorize } from '../../sessions/service'
import { HttpError, readJson, sendJson } from '../respond'
import { access, actorOf, facilitatorCaller, sessionIdOf, type ApiDeps, type Route } from '../route'

const ANSWERS = ['agree', 'discuss'] as const
const name = z
  .string({ message: 'name must be text' })
  .trim()
  .min(1, 'a name is required')
  .max(NAME_MAX, `a name is at most ${NAME_MAX} characters`)
const joinBody = z.object({
  name: z.string({ message: 'name must be text' }).max(1000).optional(),
  answer: z.enum(ANSWERS, { message: 'answer must be "agree" or "discuss"' }).optional(),
  token: z.string({ message: 'token must be text' }).max(200).optional(),
})
const answerBody = z.object({ answer: z.enum(ANSWERS) })
const removeBody = z.object({ hide: z.boolean({ message: 'hide must be true or false' }).optional() })
const PERSON_ID = '([A-Za-z0-9_-]{43})'

/** A name from a join body: trimmed, 1 to 60 characters; 400 otherwise. */
function nameOf(raw: string | undefined): string {
  const parsed = name.safeParse(raw)
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'a name is required')
  return parsed.data
}

/** A name someone else has is 409, said in one sentence; anything else goes on up. */
function nameTaken(err: unknown): never {
  if (err instanceof NameTakenError) throw new HttpError(409, err.message)
  throw err
}

/** A JSON body that may be empty (a POST without one). */
async function optionalJson(req: Parameters<Route['handle']>[0], limit: number): Promise<unknown> {
  if (!req.headers['content-type'] && Number(req.headers['content-length'] ?? 0) === 0) return {}
  return readJson(req, limit)
}

/**
 * People the server knows: joining (a person token for each joiner), who one is, answering the
 * commitments, and the facilitators' controls (the lobby, removing someone, renewing a link).
 */
export const peopleRoutes = (deps: ApiDeps): Route[] => [
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/join$/,
    handle: async (req, res, url, match) => {
      const id = sessionIdOf(match)
      const body = joinBody.safeParse(await readJson(req, 4 * 1024))
      if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '))
      const { token } = body.data
      const given = body.data.answer ?? null
      if (token !== undefined) {
        // the device joins again: its token wins over whatever key the link carries now
        const { person } = await authorize(deps.storage, id, null, token)
        if (!person) throw new HttpError(403, 'unknown person token')
        const newName = body.data.name === undefined ? null : nameOf(body.data.name)
        const next = await rejoin(deps.storage, deps.relay, person, newName, given).catch(nameTaken)
        sendJson(res, 200, { token, person: next.id, role: next.role, status: next.status })
        return
      }
      const { role } = await authorize(deps.storage, id, url.searchParams.get('key'))
      // viewers get no token: they cannot vote or answer
      if (role === 'viewer') return sendJson(res, 200, { role: 'viewer', status: 'admitted' })
      const joiner = nameOf(body.data.name)
      // each token carries a vote budget: an address may mint only so many, here and in all
      deps.guard.takeJoin(req, id)
      try {
        const joined = await addPerson(deps.storage, deps.relay, id, role, joiner, given)
        deps.log.info({ session: id, role, status: joined.person.status }, 'person joined')
        sendJson(res, 201, {
          token: joined.token,
          person: joined.person.id,
          role,
          status: joined.person.status,
        })
      } catch (err) {
        if (err instanceof CapError)
          throw new HttpError(429, err.message, { 'retry-after': String(CAP_RETRY_SECONDS) })
        return nameTaken(err)
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/sessions\/([^/]+)\/me$/,
    handle: async (_req, res, url, match) => {
      const token = url.searchParams.get('token')
      if (token === null) throw new HttpError(403, 'a person token is required')
      const { person } = await authorize(deps.storage, sessionIdOf(match), null, token)
      if (!person) throw new HttpError(403, 'unknown person token')
      sendJson(res, 200, { person: person.id, name: person.name, role: person.role, status: person.status })
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/answer$/,
    handle: async (req, res, url, match) => {
      const { person, role } = await access(deps, match, url)
      if (!person)
        throw new HttpError(403, role === 'viewer' ? 'viewers cannot answer' : 'a person token is required')
      const body = answerBody.safeParse(await readJson(req, 1024))
      if (!body.success) throw new HttpError(400, 'answer must be "agree" or "discuss"')
      await answer(deps.storage, deps.relay, person, body.data.answer)
      res.writeHead(204).end()
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/sessions\/([^/]+)\/people$/,
    handle: async (_req, res, url, match) => {
      const { session } = await facilitatorCaller(deps, match, url, 'see the people of a session')
      const people = await deps.storage.listPeople(session.id)
      const log = await deps.storage.readLog(session.id)
      sendJson(res, 200, {
        people: people.map(personView),
        log: log.map(({ at, action, actor, subject }) => ({ at, action, actor, subject })),
      })
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/people\/admit-all$/,
    handle: async (_req, res, url, match) => {
      const caller = await facilitatorCaller(deps, match, url, 'admit people')
      const admitted = await admit(deps.storage, deps.relay, caller.session.id, null, actorOf(caller))
      deps.log.info({ session: caller.session.id, admitted }, 'people admitted')
      sendJson(res, 200, { admitted })
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/sessions/([^/]+)/people/${PERSON_ID}/admit$`),
    handle: async (_req, res, url, match) => {
      const caller = await facilitatorCaller(deps, match, url, 'admit people')
      await admit(deps.storage, deps.relay, caller.session.id, [match[2] ?? ''], actorOf(caller))
      res.writeHead(204).end()
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/sessions/([^/]+)/people/${PERSON_ID}/remove$`),
    handle: async (req, res, url, match) => {
      const caller = await facilitatorCaller(deps, match, url, 'remove people')
      const body = removeBody.safeParse(await optionalJson(req, 1024))
      if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '))
      const id = caller.session.id
      const person = match[2] ?? ''
      const hidden = await remove(
        deps.storage,
        deps.relay,
        id,
        person,
        body.data.hide ?? false,
        actorOf(caller),
      )
      deps.log.info({ session: id, hidden }, 'person removed')
      sendJson(res, 200, { hidden })
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/links\/([a-z]+)\/renew$/,
    handle: async (_req, res, url, match) => {
      const caller = await facilitatorCaller(deps, match, url, 'renew a link')
      const role = match[2] as Role
      if (!ROLES.includes(role)) throw new HttpError(404, `no such link: ${String(match[2]).slice(0, 20)}`)
      const id = caller.session.id
      const key = newKey()
      await deps.storage.setKeyHash(id, role, hashKey(key))
      await deps.storage.appendLog({
        sessionId: id,
        at: Date.now(),
        action: 'link-renewed',
        actor: actorOf(caller),
        subject: role,
      })
      deps.log.info({ session: id, role }, 'link renewed')
      sendJson(res, 200, { link: `/s/${id}?key=${key}` })
    },
  },
]
