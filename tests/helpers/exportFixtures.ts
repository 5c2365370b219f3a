import * as Y from 'yjs'
import type { SessionSnapshot } from '../../shared/export/snapshot'
import { readFacilitation, type FacilitationState } from '../../shared/schema/facilitation'
import {
  KINDS,
  type BoardObject,
  type ObjectBase,
  type ObjectKind,
  type PropsOf,
} from '../../shared/schema/kinds'
import { plainToRich } from '../../shared/schema/richBlocks'
import type { RichNode } from '../../shared/schema/richText'

/** A board object as a snapshot holds it, with the kind's defaults for anything not given. */
export function obj<K extends ObjectKind>(
  kind: K,
  id: string,
  over: Partial<Omit<ObjectBase, 'id'>> & { props?: Partial<PropsOf<K>> } = {},
): BoardObject {
  const { props, ...base } = over
  return {
    id,
    kind,
    canvas: 'c1',
    x: 0,
    y: 0,
    rotation: 0,
    z: 0,
    createdBy: 'u1',
    author: 'Ada',
    createdAt: 0,
    locked: false,
    consent: true,
    hidden: false,
    lang: '',
    contentNote: '',
    reactions: {},
    text: '',
    ...base,
    rich: base.rich ?? plainToRich(base.text ?? ''),
    props: { ...KINDS[kind].defaults(), ...props },
  } as BoardObject
}

/** Rich text of plain paragraphs, as readRichText gives it. */
export const paragraphs = (...lines: string[]): RichNode[] =>
  lines.map((line) => ({
    type: 'element',
    name: 'paragraph',
    attrs: {},
    children: [{ type: 'text', delta: [{ insert: line }] }],
  }))

/** A session snapshot around some objects. */
export function snapshotOf(
  objects: readonly BoardObject[],
  over: Partial<Omit<SessionSnapshot, 'facilitation'>> & { facilitation?: Partial<FacilitationState> } = {},
): SessionSnapshot {
  const { facilitation, ...rest } = over
  return {
    title: 'Kitchen table',
    template: 'recipe-wall',
    protect: false,
    admit: false,
    langs: ['en'],
    commitments: ['We listen.'],
    commitmentTexts: [{ en: 'We listen.' }],
    canvases: [
      { id: 'c1', name: 'Wall' },
      { id: 'c2', name: 'Second wall' },
    ],
    agenda: [],
    objects,
    richText: {},
    skipped: {},
    ...rest,
    facilitation: { ...readFacilitation(new Y.Doc()), ...facilitation },
  }
}
