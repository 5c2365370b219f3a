/**
 * A picture ready for the PDF and the DOCX: PNG or JPEG (what both take), with its size in pixels.
 * The server and the page each load and convert the session's images (WebP and GIF become PNG).
 */
export interface ReportPicture {
  readonly data: Uint8Array
  readonly type: 'png' | 'jpg'
  readonly width: number
  readonly height: number
}

/** The pictures of a report's images, by content hash (`ReportImage.src`); a missing one is named as missing. */
export type ReportPictures = ReadonlyMap<string, ReportPicture>

/** `w`×`h` scaled down (never up) to fit inside `maxW`×`maxH`. */
export function fitInside(w: number, h: number, maxW: number, maxH: number): { w: number; h: number } {
  if (w <= 0 || h <= 0) return { w: 0, h: 0 }
  const scale = Math.min(1, maxW / w, maxH / h)
  return { w: Math.round(w * scale), h: Math.round(h * scale) }
}
