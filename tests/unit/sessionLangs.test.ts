import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addCommitment, addStep, setCommitment, updateStep } from '../../shared/ops/agenda'
import { createOrigin } from '../../shared/ops/origin'
import { setSecondLang } from '../../shared/ops/sessionLangs'
import {
  agendaOf,
  commitmentsOf,
  readAgenda,
  readCommitmentTexts,
  readCommitments,
  readSessionInfo,
  readSessionLangs,
  sessionMapOf,
  writeStep,
} from '../../shared/schema/controlDoc'
import { readLangText, sessionLangsSchema, textIn } from '../../shared/schema/langText'
import { buildDocsFromExport, parseExport, toExportJson } from '../../shared/export/json'
import { toMarkdown } from '../../shared/export/markdown'
import { readSnapshot } from '../../shared/export/snapshot'
import { buildSessionDocs, findTemplate } from '../../shared/templates'

const fay = createOrigin('user', 'fay')
const load = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}
const twoLanguageSession = () =>
  buildSessionDocs(findTemplate('sense-making', ['en', 'zh-CN'])!, 'Food', 0, ['en', 'zh-CN'])

describe('per-language text', () => {
  it('reads a plain string as the main language, and a map keeping only known languages', () => {
    expect(readLangText('We listen.', 'en', 500)).toEqual({ en: 'We listen.' })
    expect(readLangText('我们倾听。', 'zh-CN', 500)).toEqual({ 'zh-CN': '我们倾听。' })
    expect(readLangText({ en: 'A', 'zh-CN': '甲', tlh: 'x' }, 'en', 500)).toEqual({ en: 'A', 'zh-CN': '甲' })
    expect(readLangText(42, 'en', 500)).toBeNull()
    expect(readLangText({ en: 7 }, 'en', 500)).toBeNull()
    expect(readLangText('x'.repeat(501), 'en', 500)).toBeNull()
  })

  it('shows the text in the wanted language when the session has it and it is written, else the main one', () => {
    const t = { en: 'Listen', 'zh-CN': '倾听' }
    expect(textIn(t, 'zh-CN', ['en', 'zh-CN'])).toEqual({ text: '倾听', lang: 'zh-CN' })
    expect(textIn(t, 'en', ['en', 'zh-CN'])).toEqual({ text: 'Listen', lang: 'en' })
    // a one-language session shows its own language, whatever the person reads
    expect(textIn(t, 'zh-CN', ['en'])).toEqual({ text: 'Listen', lang: 'en' })
    // a line not yet written in the second language falls back to the main one, marked as such
    expect(textIn({ en: 'New line' }, 'zh-CN', ['en', 'zh-CN'])).toEqual({ text: 'New line', lang: 'en' })
    expect(textIn({ en: 'Only English' }, 'zh-CN', ['zh-CN'])).toEqual({ text: 'Only English', lang: 'en' })
  })

  it('accepts one or two known languages, no more, no duplicates', () => {
    expect(sessionLangsSchema.safeParse(['en']).success).toBe(true)
    expect(sessionLangsSchema.safeParse(['zh-CN', 'en']).success).toBe(true)
    for (const bad of [[], ['fr'], ['en', 'en'], ['en', 'zh-CN', 'en'], 'en', [1]])
      expect(sessionLangsSchema.safeParse(bad).success).toBe(false)
  })
})

describe('a two-language session', () => {
  it('holds the built-in commitments and prompts in both languages, canvases in the main one', () => {
    const control = load(twoLanguageSession().control)
    expect(readSessionInfo(control).langs).toEqual(['en', 'zh-CN'])
    const [first] = readCommitmentTexts(control)
    expect(first!.en).toMatch(/^We listen/)
    expect(first!['zh-CN']).toMatch(/\p{Script=Han}/u)
    expect(readCommitments(control)[0]).toBe(first!.en)
    const step = readAgenda(control)[0]!
    expect(step.titles['zh-CN']).toMatch(/\p{Script=Han}/u)
    expect(step.title).toBe(step.titles.en)
  })

  it('the main language can be Chinese: a plain string then reads as Chinese', () => {
    const docs = buildSessionDocs(findTemplate('collage', ['zh-CN', 'en'])!, '拼贴', 0, ['zh-CN', 'en'])
    const control = load(docs.control)
    expect(readSessionLangs(control)).toEqual(['zh-CN', 'en'])
    expect(readCommitments(control)[0]).toMatch(/\p{Script=Han}/u)
    control.transact(() => commitmentsOf(control).push(['旧的一行']))
    expect(readCommitmentTexts(control).at(-1)).toEqual({ 'zh-CN': '旧的一行' })
  })

  it('editing one language of a commitment or a step keeps the other', () => {
    const control = load(twoLanguageSession().control)
    setCommitment(control, 0, '我们认真倾听。', fay, 'zh-CN')
    expect(readCommitmentTexts(control)[0]).toMatchObject({
      'zh-CN': '我们认真倾听。',
      en: expect.stringMatching(/^We listen/),
    })
    setCommitment(control, 0, 'We listen closely.', fay)
    expect(readCommitmentTexts(control)[0]).toEqual({ en: 'We listen closely.', 'zh-CN': '我们认真倾听。' })
    addCommitment(control, 'We eat together.', fay)
    expect(readCommitmentTexts(control).at(-1)).toEqual({ en: 'We eat together.' })
    const id = readAgenda(control)[0]!.id
    updateStep(control, id, { title: '开场', prompt: '说说你的名字' }, fay, 'zh-CN')
    const step = readAgenda(control)[0]!
    expect(step.titles['zh-CN']).toBe('开场')
    expect(step.prompts['zh-CN']).toBe('说说你的名字')
    expect(step.title).toMatch(/[A-Za-z]/)
    const added = addStep(control, 'Close', fay)
    expect(readAgenda(control).find((s) => s.id === added)!.titles).toEqual({ en: 'Close' })
  })
})

describe('documents from before two languages', () => {
  it('load: plain strings are the main language, guessed from the text when the session has no langs', () => {
    const control = new Y.Doc()
    control.transact(() => {
      sessionMapOf(control).set('title', '旧会议')
      commitmentsOf(control).push(['我们倾听。', 'We listen.'])
      agendaOf(control).push([
        writeStep({
          id: 's1',
          title: '开场',
          prompt: '你好',
          minutes: 5,
          canvas: '',
          frame: '',
          mode: 'free',
        }),
      ])
    })
    expect(readSessionLangs(control)).toEqual(['zh-CN'])
    expect(readCommitments(control)).toEqual(['我们倾听。', 'We listen.'])
    expect(readAgenda(control)[0]).toMatchObject({
      title: '开场',
      titles: { 'zh-CN': '开场' },
      prompt: '你好',
    })
    const english = new Y.Doc()
    english.transact(() => commitmentsOf(english).push(['We listen.']))
    expect(readSessionLangs(english)).toEqual(['en'])
  })

  it('a step whose title is neither text nor a map is skipped, the others stay', () => {
    const control = new Y.Doc()
    control.transact(() => {
      const bad = writeStep({
        id: 'bad',
        title: '',
        prompt: '',
        minutes: 1,
        canvas: '',
        frame: '',
        mode: 'free',
      })
      bad.set('title', 42)
      agendaOf(control).push([
        bad,
        writeStep({ id: 'ok', title: 'Fine', prompt: '', minutes: 1, canvas: '', frame: '', mode: 'free' }),
      ])
    })
    expect(readAgenda(control).map((s) => s.id)).toEqual(['ok'])
  })
})

describe('exports of a two-language session', () => {
  const snapshot = () => {
    const docs = twoLanguageSession()
    return readSnapshot(load(docs.board), load(docs.control), load(docs.facilitator))
  }

  it('JSON keeps both languages through an import', () => {
    const s = snapshot()
    const json = JSON.parse(JSON.stringify(toExportJson(s, {}))) as unknown
    const docs = buildDocsFromExport(parseExport(json))
    const control = load(docs.control)
    expect(readSessionLangs(control)).toEqual(['en', 'zh-CN'])
    expect(readCommitmentTexts(control)).toEqual(s.commitmentTexts)
    expect(readAgenda(control).map((a) => [a.titles, a.prompts])).toEqual(
      s.agenda.map((a) => [a.titles, a.prompts]),
    )
  })

  it('JSON from before two languages (plain strings, no langs) still imports', () => {
    const json = JSON.parse(JSON.stringify(toExportJson(snapshot(), {}))) as {
      session: Record<string, unknown>
      commitments: unknown[]
      agenda: Record<string, unknown>[]
    }
    delete json.session.langs
    json.commitments = ['We listen.']
    json.agenda = json.agenda.map((a) => ({ ...a, title: 'Open', prompt: 'Say hello' }))
    const control = load(buildDocsFromExport(parseExport(json)).control)
    expect(readCommitments(control)).toEqual(['We listen.'])
    expect(readAgenda(control)[0]).toMatchObject({ title: 'Open', prompt: 'Say hello' })
  })

  it('Markdown prints the main language, and the second under it marked with its language', () => {
    const md = toMarkdown(snapshot())
    const lines = md.split('\n')
    const first = lines.findIndex((l) => l.startsWith('1. '))
    expect(lines[first]).toMatch(/^1\. <span lang="en">We listen/)
    expect(lines[first + 1]).toMatch(/^ {3}简体中文: <span lang="zh-CN">我们/)
    const agenda = lines.indexOf('## Agenda')
    expect(lines[agenda + 3]).toMatch(/^ {3}简体中文: <span lang="zh-CN">\*\*/)
  })
})

describe('a second language added later', () => {
  it('fills the built-in words in it, keeps the group’s own words for the facilitator to write', () => {
    const control = load(buildSessionDocs(findTemplate('sense-making', 'en')!, 'Food').control)
    expect(readSessionLangs(control)).toEqual(['en'])
    setCommitment(control, 1, 'Our own words.', fay)
    setSecondLang(control, 'zh-CN', fay)
    expect(readSessionLangs(control)).toEqual(['en', 'zh-CN'])
    const lines = readCommitmentTexts(control)
    expect(lines[0]!['zh-CN']).toMatch(/^我们用心倾听/)
    expect(lines[1]).toEqual({ en: 'Our own words.' })
    const step = readAgenda(control)[0]!
    expect(step.titles['zh-CN']).toMatch(/\p{Script=Han}/u)
    expect(step.prompts['zh-CN']).toMatch(/\p{Script=Han}/u)
    // taking it away keeps the words for later, and the session reads in its main language again
    setSecondLang(control, null, fay)
    expect(readSessionLangs(control)).toEqual(['en'])
    expect(readCommitmentTexts(control)[0]!['zh-CN']).toMatch(/^我们用心倾听/)
    expect(textIn(readCommitmentTexts(control)[0]!, 'zh-CN', readSessionLangs(control)).lang).toBe('en')
  })
})
