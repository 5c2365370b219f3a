/**
 * Runs in a worker thread (importJob.ts): everything an import does that grows with its size and
 * would hold the event loop — decoding and parsing up to 64 MiB of JSON, checking every object,
 * building the documents, decoding the images' base64 — so the server keeps answering meanwhile.
 */
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { ImportError, buildDocsFromExport, parseExport } from '../../shared/export/json'
import type { ImportJobReply, ParsedImport } from './importJob'

/** Parses and checks an export's bytes into the new session's documents and its images. */
function parseImport(bytes: Uint8Array): ParsedImport {
  let input: unknown
  try {
    input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new ImportError(400, 'the body is not valid JSON')
  }
  const valid = parseExport(input)
  const docs = buildDocsFromExport(valid)
  const images = Object.entries(valid.images).map(([src, image]) => ({
    src,
    mime: image.mime,
    bytes: new Uint8Array(Buffer.from(image.data, 'base64')),
  }))
  return { template: valid.session.template, title: valid.session.title, docs, images }
}

// On Linux a thread has its own nice value, and 0 means this thread alone: the import yields the
// CPU to the event loop (and everything else) when they compete, as on a small shared machine.
try {
  setPriority(0, 19)
} catch {
  // not allowed here: the import runs at the server's priority
}

parentPort?.on('message', (bytes: Uint8Array) => {
  let reply: ImportJobReply
  try {
    const parsed = parseImport(bytes)
    reply = { ok: true, parsed }
    const buffers = [
      parsed.docs.board,
      parsed.docs.control,
      parsed.docs.facilitator,
      ...parsed.images.map((i) => i.bytes),
    ]
    parentPort?.postMessage(
      reply,
      buffers.map((b) => b.buffer as ArrayBuffer),
    )
  } catch (err) {
    reply =
      err instanceof ImportError
        ? { ok: false, status: err.status, message: err.message }
        : { ok: false, status: 500, message: (err as Error).message }
    parentPort?.postMessage(reply)
  }
})
