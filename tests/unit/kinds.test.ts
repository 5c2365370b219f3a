import { describe, expect, it } from 'vitest'
import { KINDS, creditLine, isVotableKind, needsDescription } from '../../shared/schema/kinds'

const valid: Record<keyof typeof KINDS, Record<string, unknown>> = {
  sticky: { w: 200, h: 200, color: 'green' },
  text: { w: 300, size: 'heading', color: '#c0392b' },
  stroke: { points: [0, 0, 10, 5, 20, 8], color: '#1e6fd9', width: 4 },
  shape: { shape: 'arrow', w: -120, h: 40, fill: 'transparent', stroke: '#1f2933', strokeWidth: 2 },
  frame: { w: 800, h: 600, title: 'Page 1', order: 1 },
  image: { w: 320, h: 200, src: 'a'.repeat(64), alt: 'A group photo at the allotment', mime: 'image/jpeg' },
  recipe: {
    w: 280,
    h: 340,
    title: 'Listening circles',
    forWhom: 'New groups',
    ingredients: ['chairs in a circle', 'a talking object'],
    tips: 'Start small',
    credits: ['Amina', 'Joe'],
    anonymous: false,
  },
  story: { w: 300, h: 240, title: 'The allotment', credit: 'Amina', anonymous: false },
}

const invalid: Record<keyof typeof KINDS, Record<string, unknown>[]> = {
  sticky: [{ w: 0 }, { color: 'red' }],
  text: [{ size: 'huge' }, { color: 'blue' }],
  stroke: [{ points: [1] }, { points: [0, 0, 1] }, { points: new Array(20_002).fill(0) }, { width: 0 }],
  shape: [{ shape: 'star' }, { w: Number.POSITIVE_INFINITY }, { fill: 'red' }],
  frame: [{ title: 'x'.repeat(201) }, { h: -1 }],
  image: [{ src: '../../etc/passwd' }, { mime: 'image/svg+xml' }, { alt: 'x'.repeat(1001) }],
  recipe: [{ ingredients: 'flour' }, { credits: [42] }, { anonymous: 'yes' }],
  story: [{ title: 'x'.repeat(201) }, { credit: 'x'.repeat(201) }, { anonymous: 'yes' }, { title: 42 }],
}

describe('every kind', () => {
  for (const [name, def] of Object.entries(KINDS)) {
    const kind = name as keyof typeof KINDS
    it(`${kind}: defaults and a realistic object are valid; bad props are refused`, () => {
      expect(def.props.safeParse(def.defaults()).success).toBe(true)
      expect(def.props.safeParse({ ...def.defaults(), ...valid[kind] }).success).toBe(true)
      for (const bad of invalid[kind]) {
        expect(
          def.props.safeParse({ ...def.defaults(), ...valid[kind], ...bad }).success,
          JSON.stringify(bad),
        ).toBe(false)
      }
    })
  }
})

describe('kind helpers', () => {
  it('takes votes and reactions on notes, recipe cards and pictures, as their declarations say', () => {
    const votable = Object.keys(KINDS).filter(isVotableKind)
    expect(votable.sort()).toEqual(['image', 'recipe', 'sticky', 'story', 'text'])
    for (const odd of ['frame', 'stroke', 'shape', 'constructor', '__proto__', '', 1, null])
      expect(isVotableKind(odd)).toBe(false)
  })

  it('credits recipes to their authors, or to no one when anonymous', () => {
    expect(creditLine(['Amina'], false)).toBe('Recipe by Amina')
    expect(creditLine(['Amina', ' Joe ', 'Li'], false)).toBe('Recipe by Amina, Joe and Li')
    expect(creditLine(['Amina'], true)).toBe('Recipe by anonymous')
    expect(creditLine([' '], false)).toBe('Recipe by anonymous')
  })
  it('marks images without a description', () => {
    expect(needsDescription('')).toBe(true)
    expect(needsDescription('   ')).toBe(true)
    expect(needsDescription('A kitchen table')).toBe(false)
  })
})
