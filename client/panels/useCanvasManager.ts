import { useEffect, useRef, useState } from 'react'
import { i18n } from '../i18n'

/** What a facilitator can do to the canvases (bound to the control document by the board). */
export interface CanvasActions {
  /** Adds a canvas at the end; returns its id, or null when not allowed. */
  add(name: string): string | null
  rename(id: string, name: string): void
  move(id: string, toIndex: number): void
  /** Deletes a canvas and its objects; false when it could not (the last canvas stays). */
  remove(id: string): boolean
}

export interface Tab {
  readonly id: string
  readonly name: string
}

/** A name no other canvas has yet: "Canvas 5", "Canvas 6"… */
function freshName(canvases: readonly Tab[]): string {
  const taken = new Set(canvases.map((c) => c.name))
  let n = canvases.length + 1
  const nameOf = (n: number) => i18n.t('panels:canvases.newName', { n })
  while (taken.has(nameOf(n))) n++
  return nameOf(n)
}

/**
 * The state of the facilitator's canvas controls (menu open, renaming, confirming a delete) and
 * the actions, each with a sentence for the polite live region: moving a tab changes nothing
 * under the keyboard focus, so it has to be said.
 */
export function useCanvasManager(props: {
  canvases: readonly Tab[]
  current: Tab
  actions: CanvasActions
  onSelect: (id: string) => void
  /** Where focus returns when the menu closes. */
  optionsRef: { readonly current: HTMLElement | null }
}) {
  const { canvases, current, actions, optionsRef } = props
  const [open, setOpen] = useState(false)
  const [renaming, setRenaming] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState('')
  const index = canvases.findIndex((c) => c.id === current.id)
  const last = canvases.length - 1

  const close = (refocus: boolean) => {
    setOpen(false)
    setRenaming(false)
    if (refocus) optionsRef.current?.focus()
  }
  return {
    open,
    renaming,
    confirming,
    message,
    atStart: index <= 0,
    atEnd: index >= last,
    onlyOne: canvases.length <= 1,
    close,
    toggle: () => (open ? close(false) : setOpen(true)),
    startRename: () => setRenaming(true),
    askDelete: (ask: boolean) => setConfirming(ask),
    add() {
      const name = freshName(canvases)
      const id = actions.add(name)
      if (!id) return
      props.onSelect(id)
      setMessage(i18n.t('panels:canvases.added', { name }))
      // Straight into naming it: the facilitator rarely wants "Canvas 5".
      setOpen(true)
      setRenaming(true)
    },
    rename(name: string) {
      actions.rename(current.id, name)
      close(true)
    },
    move(step: -1 | 1) {
      const to = index + step
      if (to < 0 || to > last) return
      actions.move(current.id, to)
      setMessage(i18n.t('panels:canvases.moved', { name: current.name, at: to + 1, of: canvases.length }))
    },
    remove() {
      const neighbour = canvases[index + 1] ?? canvases[index - 1]
      if (!neighbour || !actions.remove(current.id)) return
      setConfirming(false)
      close(false)
      setMessage(i18n.t('panels:canvases.deleted', { name: current.name }))
      props.onSelect(neighbour.id)
      requestAnimationFrame(() => optionsRef.current?.focus())
    },
  }
}

/** Closes a popup when the pointer goes down anywhere outside it. */
export function useCloseOnOutsidePointer(
  ref: { readonly current: HTMLElement | null },
  open: boolean,
  onClose: () => void,
): void {
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose
  useEffect(() => {
    if (!open) return
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !ref.current?.contains(e.target)) onCloseRef.current()
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [ref, open])
}
