import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DEFAULT_LANG, type UiLang } from '../../shared/lang'
import { findTemplate, templatesIn, type Template } from '../../shared/templates'
import { templateSchema } from '../../shared/templates/fromSession'

/** A saved template with who may see it. */
export interface SavedTemplate {
  readonly template: Template
  /** Offered to everyone on the home page (the operator published it). */
  readonly published: boolean
  /** The session it was saved from (absent for templates saved before this was kept). */
  readonly session: string | undefined
}

/**
 * Templates facilitators saved from their sessions, beside the built-in ones. A saved template is
 * private to the facilitators of its session (their device remembers its id, and their key can
 * list it) until the operator publishes it for everyone.
 */
export interface TemplateStore {
  /**
   * Built-in templates first (in `lang`), then the published saved ones, oldest first. A saved
   * template is in the language its session was written in, whatever `lang` is.
   */
  list(lang?: UiLang): Promise<Template[]>
  /** Every saved template with its state, oldest first (the operator's list). */
  listSaved(): Promise<SavedTemplate[]>
  /**
   * A template by id, published or not (a saved template's id is unguessable: knowing it is what
   * offering it means); a built-in one in `lang`, or in each of a session's languages.
   */
  find(id: string, lang?: UiLang | readonly UiLang[]): Promise<Template | undefined>
  /** Saves a new, unpublished template from a session; returns it with its new id. */
  save(template: Omit<Template, 'id'>, session: string): Promise<Template>
  /** Publishes a saved template for everyone, or withdraws it; false if there is no such saved template. */
  setPublished(id: string, published: boolean): Promise<boolean>
}

/** Saved template ids: `custom-`, the time (so ids sort oldest first), then 96 random bits. */
export const SAVED_ID_PATTERN = /^custom-[A-Za-z0-9_-]{16,32}$/

/** A new saved template's id. */
export const newTemplateId = (): string =>
  `custom-${Date.now().toString(36).padStart(9, '0')}${randomBytes(12).toString('base64url')}`

const metaSchema = z.object({
  published: z.boolean().catch(false).default(false),
  session: z.string().max(64).optional().catch(undefined),
})

/** What is stored for a saved template: the template with its state beside it. */
export const storedTemplate = (s: SavedTemplate): string =>
  JSON.stringify({ ...s.template, published: s.published, session: s.session }, null, 2)

/** A stored template, validated; undefined for a damaged one (skipped, never served). */
export function parseStoredTemplate(json: string | null | undefined): SavedTemplate | undefined {
  if (!json) return undefined
  try {
    const raw: unknown = JSON.parse(json)
    const template = templateSchema.safeParse(raw)
    if (!template.success) return undefined
    const meta = metaSchema.parse(raw)
    return { template: template.data, published: meta.published, session: meta.session }
  } catch {
    return undefined
  }
}

/** The published templates among saved ones, after the built-ins. */
const offered = (lang: UiLang, saved: readonly SavedTemplate[]): Template[] => [
  ...templatesIn(lang),
  ...saved.filter((s) => s.published).map((s) => s.template),
]

/** Saved templates as JSON files under `<dataDir>/templates/`, validated whenever they are read. */
export function createFileTemplateStore(dataDir: string): TemplateStore {
  const dir = join(dataDir, 'templates')
  const pathOf = (id: string) => join(dir, `${id}.json`)
  const read = async (id: string): Promise<SavedTemplate | undefined> => {
    if (!SAVED_ID_PATTERN.test(id) || !existsSync(pathOf(id))) return undefined
    return parseStoredTemplate(await readFile(pathOf(id), 'utf8'))
  }
  const write = async (saved: SavedTemplate): Promise<void> => {
    await mkdir(dir, { recursive: true })
    const tmp = `${pathOf(saved.template.id)}.tmp`
    await writeFile(tmp, storedTemplate(saved))
    await rename(tmp, pathOf(saved.template.id))
  }
  const listSaved = async (): Promise<SavedTemplate[]> => {
    if (!existsSync(dir)) return []
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()
    const saved = await Promise.all(files.map((f) => read(f.slice(0, -5))))
    return saved.filter((t): t is SavedTemplate => t !== undefined)
  }
  return {
    list: async (lang = DEFAULT_LANG) => offered(lang, await listSaved()),
    listSaved,
    find: async (id, lang = DEFAULT_LANG) => findTemplate(id, lang) ?? (await read(id))?.template,
    async save(template, session) {
      const full = templateSchema.parse({ ...template, id: newTemplateId() })
      await write({ template: full, published: false, session })
      return full
    },
    async setPublished(id, published) {
      const saved = await read(id)
      if (!saved) return false
      await write({ ...saved, published })
      return true
    },
  }
}

/** Saved templates kept in memory only (tests, benchmarks). */
export function createMemoryTemplateStore(): TemplateStore {
  const saved: SavedTemplate[] = []
  return {
    list: async (lang = DEFAULT_LANG) => offered(lang, saved),
    listSaved: async () => [...saved],
    find: async (id, lang = DEFAULT_LANG) =>
      findTemplate(id, lang) ?? saved.find((s) => s.template.id === id)?.template,
    save: async (template, session) => {
      const full = templateSchema.parse({ ...template, id: newTemplateId() })
      saved.push({ template: full, published: false, session })
      return full
    },
    setPublished: async (id, published) => {
      const i = saved.findIndex((s) => s.template.id === id)
      if (i < 0) return false
      saved[i] = { ...saved[i]!, published }
      return true
    },
  }
}
