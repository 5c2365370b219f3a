import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_LANG, type UiLang } from '../../shared/lang'
import { findTemplate, templatesIn, type Template } from '../../shared/templates'
import { templateSchema } from '../../shared/templates/fromSession'

/** Templates facilitators saved from their sessions, beside the built-in ones. */
export interface TemplateStore {
  /**
   * Built-in templates first (in `lang`), then saved ones, oldest first. A saved template is in the
   * language its session was written in, whatever `lang` is.
   */
  list(lang?: UiLang): Promise<Template[]>
  /**
   * A template by id; a built-in one in `lang`, or with its commitments and prompts in each of a
   * session's languages (English by default).
   */
  find(id: string, lang?: UiLang | readonly UiLang[]): Promise<Template | undefined>
  /** Saves a new template; returns it with its new id. */
  save(template: Omit<Template, 'id'>): Promise<Template>
}

const ID_PATTERN = /^custom-[A-Za-z0-9_-]{16}$/

/** Saved templates as JSON files under `<dataDir>/templates/`, validated whenever they are read. */
export function createFileTemplateStore(dataDir: string): TemplateStore {
  const dir = join(dataDir, 'templates')
  const read = async (id: string): Promise<Template | undefined> => {
    const path = join(dir, `${id}.json`)
    if (!ID_PATTERN.test(id) || !existsSync(path)) return undefined
    const parsed = templateSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
    return parsed.success ? parsed.data : undefined // a damaged file is skipped, never served
  }
  return {
    async list(lang = DEFAULT_LANG) {
      if (!existsSync(dir)) return templatesIn(lang)
      const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()
      const saved = await Promise.all(files.map((f) => read(f.slice(0, -5))))
      return [...templatesIn(lang), ...saved.filter((t): t is Template => t !== undefined)]
    },
    async find(id, lang = DEFAULT_LANG) {
      return findTemplate(id, lang) ?? (await read(id))
    },
    async save(template) {
      // time first, so file names sort oldest first
      const id = `custom-${Date.now().toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url').slice(0, 7)}`
      const full = templateSchema.parse({ ...template, id })
      await mkdir(dir, { recursive: true })
      const tmp = join(dir, `${id}.json.tmp`)
      await writeFile(tmp, JSON.stringify(full, null, 2))
      await rename(tmp, join(dir, `${id}.json`))
      return full
    },
  }
}

/** Saved templates kept in memory only (tests, benchmarks). */
export function createMemoryTemplateStore(): TemplateStore {
  const saved: Template[] = []
  let n = 0
  return {
    list: async (lang = DEFAULT_LANG) => [...templatesIn(lang), ...saved],
    find: async (id, lang = DEFAULT_LANG) => findTemplate(id, lang) ?? saved.find((t) => t.id === id),
    save: async (template) => {
      const full = templateSchema.parse({ ...template, id: `custom-${String(++n).padStart(16, '0')}` })
      saved.push(full)
      return full
    },
  }
}
