import { z } from 'zod'
import { DEFAULT_LANG, UI_LANGS, type UiLang } from '../../../shared/lang'
import { sessionLangsSchema } from '../../../shared/schema/langText'
import { LIMITS } from '../../../shared/schema/limits'
import { templateFromSession } from '../../../shared/templates/fromSession'
import { snapshotOf } from '../../sessions/exports'
import { createSession } from '../../sessions/service'
import { logSkipped } from '../../sessions/skipped'
import { HttpError, readJson, sendJson } from '../respond'
import { access, asFacilitator, type ApiDeps, type Route } from '../route'

const createBody = z.object({
  template: z.string({ message: 'template must be a template id' }).max(64),
  title: z
    .string({ message: 'title must be text' })
    .max(LIMITS.titleMax, `title is longer than ${LIMITS.titleMax} characters`)
    .optional()
    .default(''),
  // one language (kept from before two), or the session's languages, main first
  lang: z.enum(UI_LANGS, { message: `lang must be one of ${UI_LANGS.join(', ')}` }).optional(),
  langs: sessionLangsSchema.optional(),
  /** Admit people on or off from the start; the template's setting without. */
  admit: z.boolean({ message: 'admit must be true or false' }).optional(),
})

/** The session's languages from a create request; a `lang` that is not the main one of `langs` is refused. */
function langsOf(body: { lang?: UiLang | undefined; langs?: UiLang[] | undefined }): UiLang[] {
  if (!body.langs) return [body.lang ?? DEFAULT_LANG]
  if (body.lang && body.lang !== body.langs[0])
    throw new HttpError(400, `lang (${body.lang}) must be the first of langs (${body.langs.join(', ')})`)
  return body.langs
}

const saveBody = z.object({
  title: z
    .string({ message: 'title must be text' })
    .trim()
    .min(1, 'a template needs a title')
    .max(LIMITS.titleMax),
  description: z.string().max(1000).optional().default(''),
})

/** Create, look up and delete sessions; save a session's set-up as a template. */
export const sessionRoutes = (deps: ApiDeps): Route[] => [
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/template$/,
    handle: async (req, res, url, match) => {
      const session = await asFacilitator(deps, match, url, 'save a session as a template')
      const body = saveBody.safeParse(await readJson(req, 8 * 1024))
      if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '))
      const snapshot = await snapshotOf(deps.relay, session.id)
      logSkipped(deps.log, 'template', session.id, snapshot.skipped)
      const saved = await deps.templates
        .save(templateFromSession(snapshot, '', body.data.title, body.data.description))
        .catch((err: unknown) => {
          // more than a template holds (over 50 commitments, 100 steps, 200 frames on a canvas…)
          if (!(err instanceof z.ZodError)) throw err
          const issue = err.issues[0]
          throw new HttpError(
            422,
            `this session's set-up does not fit in a template: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
          )
        })
      deps.log.info({ session: session.id, template: saved.id }, 'template saved')
      sendJson(res, 201, { id: saved.id, title: saved.title, description: saved.description })
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/sessions$/,
    handle: async (req, res) => {
      const body = createBody.safeParse(await readJson(req, 16 * 1024))
      if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '))
      const { template, title } = body.data
      const langs = langsOf(body.data)
      const created = await createSession(
        deps.storage,
        deps.templates,
        template,
        title,
        langs,
        body.data.admit,
      )
      deps.metrics.sessionsCreated.inc()
      deps.log.info({ session: created.id, template, langs }, 'session created')
      sendJson(res, 201, created)
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/sessions\/([^/]+)$/,
    handle: async (_req, res, url, match) => {
      // the waiting screen may read the session's title too
      const { session, role } = await access(deps, match, url, 'allow')
      sendJson(res, 200, { id: session.id, title: session.title, template: session.template, role })
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/api\/sessions\/([^/]+)$/,
    handle: async (_req, res, url, match) => {
      const session = await asFacilitator(deps, match, url, 'delete a session')
      deps.relay.closeSession(session.id)
      await deps.storage.deleteSession(session.id)
      await deps.images.deleteSession(session.id)
      deps.log.info({ session: session.id }, 'session deleted')
      res.writeHead(204).end()
    },
  },
]
