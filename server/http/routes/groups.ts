import { z } from 'zod'
import { chooseGroup } from '../../sessions/groups'
import { HttpError, readJson } from '../respond'
import { access, sessionIdOf, type ApiDeps, type Route } from '../route'

const chooseBody = z.object({ group: z.string().min(1).max(64) })

/** Small groups: a person choosing their own group while the facilitator lets people choose. */
export const groupRoutes = (deps: ApiDeps): Route[] => [
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/groups\/choose$/,
    handle: async (req, res, url, match) => {
      const { person, role } = await access(deps, match, url)
      if (!person)
        throw new HttpError(403, role === 'viewer' ? 'viewers are in no group' : 'a person token is required')
      const body = chooseBody.safeParse(await readJson(req, 1024))
      if (!body.success) throw new HttpError(400, 'group must be a group id')
      await chooseGroup(deps.relay, sessionIdOf(match), person.id, body.data.group)
      res.writeHead(204).end()
    },
  },
]
