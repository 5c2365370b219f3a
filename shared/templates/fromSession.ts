import { z } from 'zod'
import { UI_LANGS } from '../lang'
import type { SessionSnapshot } from '../export/snapshot'
import { STEP_MODES } from '../schema/controlDoc'
import type { Template } from './types'

/**
 * A template from a session's set-up as it is now: its Community Commitments, canvases with their
 * frames (themes, pages, prompt areas) and its agenda with the facilitator's guidance. Notes and
 * pictures are the session's own and stay behind.
 */
export function templateFromSession(
  s: SessionSnapshot,
  id: string,
  title: string,
  description: string,
): Template {
  const frames = s.objects.filter((o) => o.kind === 'frame')
  const frameTitle = new Map(frames.map((f) => [f.id, f.kind === 'frame' ? f.props.title : '']))
  return {
    id,
    title,
    description,
    commitments: [...s.commitmentTexts],
    canvases: s.canvases.map((c) => ({
      key: c.id,
      name: c.name,
      frames: frames
        .filter((f) => f.canvas === c.id && f.kind === 'frame')
        .sort((a, b) => (a.kind === 'frame' && b.kind === 'frame' ? a.props.order - b.props.order : 0))
        .map((f) => ({
          title: f.kind === 'frame' ? f.props.title : '',
          x: f.x,
          y: f.y,
          w: f.kind === 'frame' ? f.props.w : 0,
          h: f.kind === 'frame' ? f.props.h : 0,
        })),
    })),
    agenda: s.agenda.map((step) => ({
      title: step.titles,
      prompt: step.prompts,
      guidance: step.guidance,
      minutes: step.minutes,
      canvas: step.canvas,
      ...(step.frame && frameTitle.get(step.frame) ? { frame: frameTitle.get(step.frame) } : {}),
      mode: step.mode,
    })),
    ...(s.protect ? { protect: true } : {}),
    ...(s.admit ? { admit: true } : {}),
  }
}

/** A text of a saved template: a string (saved before two languages), or language → text. */
const templateText = (max: number) =>
  z.union([z.string().max(max), z.partialRecord(z.enum(UI_LANGS), z.string().max(max))])

/** Checks a stored template before a session is made from it. */
export const templateSchema: z.ZodType<Template> = z.object({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  description: z.string().max(1000),
  commitments: z.array(templateText(500)).max(50),
  canvases: z
    .array(
      z.object({
        key: z.string().min(1).max(64),
        name: z.string().max(200),
        frames: z
          .array(
            z.object({
              title: z.string().max(200),
              x: z.number().finite(),
              y: z.number().finite(),
              w: z.number().positive(),
              h: z.number().positive(),
            }),
          )
          .max(200)
          .optional(),
      }),
    )
    .min(1)
    .max(100),
  agenda: z
    .array(
      z.object({
        title: templateText(200),
        prompt: templateText(2000),
        guidance: z.string().max(4000),
        minutes: z.number().min(0).max(600),
        canvas: z.string().max(64),
        frame: z.string().max(200).optional(),
        mode: z.enum(STEP_MODES),
      }),
    )
    .max(100),
  protect: z.boolean().optional(),
  admit: z.boolean().optional(),
})
