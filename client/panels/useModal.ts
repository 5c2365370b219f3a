import { useEffect } from 'react'

/** Opens a native dialog as modal while mounted: focus stays inside, Escape cancels. */
export function useModal(ref: { readonly current: HTMLDialogElement | null }): void {
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    return () => dialog.close()
  }, [ref])
}
