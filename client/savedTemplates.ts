import type { TemplateSummary } from './api'

/**
 * Templates this device's facilitators saved from their sessions. The server offers a saved
 * template to everyone only once the operator publishes it; until then the facilitator who saved
 * it finds it here, on the device they saved it from (localStorage).
 */
const KEY = 'wb:savedTemplates'
/** Kept per device; the oldest are forgotten past this. */
const MAX_REMEMBERED = 50
const ID = /^custom-[A-Za-z0-9_-]{16,32}$/

/** The templates saved on this device, oldest first; none if storage is missing or damaged. */
export function rememberedTemplates(): TemplateSummary[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]')
    if (!Array.isArray(value)) return []
    return value.flatMap((v: unknown) => {
      if (!v || typeof v !== 'object') return []
      const { id, title, description } = v as Record<string, unknown>
      if (typeof id !== 'string' || !ID.test(id) || typeof title !== 'string') return []
      return [{ id, title, description: typeof description === 'string' ? description : '' }]
    })
  } catch {
    return []
  }
}

/** Remembers a template saved from a session on this device. */
export function rememberTemplate(saved: TemplateSummary): void {
  const list = [...rememberedTemplates().filter((t) => t.id !== saved.id), saved].slice(-MAX_REMEMBERED)
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list))
  } catch {
    // not remembered: the operator can still publish it, and the session's facilitators can list it
  }
}
