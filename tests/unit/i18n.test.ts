import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LANG, UI_LANGS } from '../../shared/lang'
import { BUILT_IN_TEMPLATES, findTemplate, templatesIn } from '../../shared/templates'
import { detectLanguage, i18n, loadLanguage } from '../../client/i18n'
import { resources } from '../../client/i18n/resources'

type Tree = { readonly [key: string]: string | Tree }

/** Every key of a resource tree as a dotted path, with its text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

/** A plural key without its form ("count_one" → "count"): languages have different numbers of forms. */
const base = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '')
const variables = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort()

const en = flatten(resources.en as unknown as Tree)
const zh = flatten(resources['zh-CN'] as unknown as Tree)

describe('translations', () => {
  beforeAll(() => loadLanguage('zh-CN')) // fetched on first use in the app
  it('English and Chinese have exactly the same keys (plural forms aside)', () => {
    const enKeys = [...new Set([...en.keys()].map(base))].sort()
    const zhKeys = [...new Set([...zh.keys()].map(base))].sort()
    expect(zhKeys).toEqual(enKeys)
    expect(enKeys.length).toBeGreaterThan(400)
  })

  it('plural keys have the forms each language needs: one and other in English, other in Chinese', () => {
    for (const key of en.keys()) {
      if (key.endsWith('_one')) expect(en.has(key.replace(/_one$/, '_other')), key).toBe(true)
      if (key.endsWith('_other')) expect(zh.has(key), key).toBe(true)
    }
    expect([...zh.keys()].filter((k) => /_(one|two|few|many)$/.test(k))).toEqual([])
  })

  it('every Chinese text uses the same placeholders as the English one, and none is left empty', () => {
    for (const [key, text] of zh) {
      const source = en.get(key) ?? en.get(key.replace(/_other$/, '_one'))!
      // a Chinese plural may name the count where the English "one" form does not
      expect(
        variables(text).filter((v) => v !== 'count'),
        key,
      ).toEqual(variables(source).filter((v) => v !== 'count'))
      expect(text.trim().length, key).toBeGreaterThan(0)
    }
  })

  it('Chinese texts are in Chinese, apart from key names, file formats and the link’s “?key=”', () => {
    const allowed =
      /\b(PNG|PDF|CSV|JSON|HTML|JPEG|WebP|GIF|MB|Markdown|Word|DOCX|Ctrl|Shift|Enter|Esc|UTF)\b|\.(txt|md|csv)\b|\?key=/g
    const english = [...zh].filter(([key, text]) => {
      if (key === 'common.language') return false // "Language / 语言": findable in either language
      return /[A-Za-z]{2,}/.test(text.replace(/\{\{\w+\}\}/g, '').replace(allowed, ''))
    })
    expect(english).toEqual([])
  })

  it('gives English plurals and Chinese ones through i18next', async () => {
    expect(i18n.t('panels:list.count', { count: 1 })).toBe('1 item')
    expect(i18n.t('panels:list.count', { count: 3 })).toBe('3 items')
    expect(i18n.t('panels:list.count', { count: 1, lng: 'zh-CN' })).toBe('1 项')
    expect(i18n.t('panels:list.count', { count: 3, lng: 'zh-CN' })).toBe('3 项')
    expect(i18n.t('board:tools.labels.sticky', { lng: 'zh-CN' })).toBe('便签')
  })

  it('keeps the contract’s English names when the language is English', () => {
    expect(i18n.t('board:tools.labels.sticky', { lng: 'en' })).toBe('Sticky note')
    expect(i18n.t('panels:list.add', { lng: 'en' })).toBe('Add note')
    expect(i18n.t('facilitation:bar.bringHere', { lng: 'en' })).toBe('Bring everyone here')
    expect(i18n.t('pages:join.discuss', { lng: 'en' })).toBe("I'd like to discuss")
  })
})

describe('choosing the language', () => {
  it('takes a remembered choice first, then a Chinese browser, else English', () => {
    expect(detectLanguage('zh-CN', ['en-GB'])).toBe('zh-CN')
    expect(detectLanguage('en', ['zh-CN'])).toBe('en')
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN')
    expect(detectLanguage(null, ['zh'])).toBe('zh-CN')
    expect(detectLanguage('klingon', ['fr-FR', 'en'])).toBe('en')
    expect(detectLanguage(null, [])).toBe(DEFAULT_LANG)
  })
})

describe('built-in templates in every language', () => {
  it.each(UI_LANGS.map((l) => [l]))('%s: every text is filled in, frames the steps name exist', (lang) => {
    for (const t of templatesIn(lang)) {
      const texts = [
        t.title,
        t.description,
        ...t.commitments,
        ...t.canvases.flatMap((c) => [c.name, ...(c.frames ?? []).map((f) => f.title)]),
        ...t.agenda.flatMap((s) => [s.title, s.prompt, s.guidance]),
      ]
      expect(texts.every((x) => typeof x === 'string' && x.trim().length > 0)).toBe(true)
      for (const step of t.agenda) {
        if (step.frame === undefined) continue
        const canvas = t.canvases.find((c) => c.key === step.canvas)
        expect(canvas?.frames?.some((f) => f.title === step.frame)).toBe(true)
      }
    }
  })

  it('the Chinese templates are Chinese and match the English ones in shape', () => {
    for (const built of BUILT_IN_TEMPLATES) {
      const enT = findTemplate(built.id, 'en')!
      const zhT = findTemplate(built.id, 'zh-CN')!
      expect(zhT.commitments.length).toBe(enT.commitments.length)
      expect(zhT.agenda.map((s) => [s.mode, s.minutes, s.canvas])).toEqual(
        enT.agenda.map((s) => [s.mode, s.minutes, s.canvas]),
      )
      expect(zhT.agenda.filter((s) => s.frame).length).toBe(enT.agenda.filter((s) => s.frame).length)
      for (const text of [zhT.title, ...zhT.commitments, ...zhT.agenda.map((s) => s.prompt)])
        expect(text).toMatch(/\p{Script=Han}/u)
    }
  })
})
