/** Reads one sample from a server's /metrics (Prometheus text): by name, and by `reason` label if given; 0 if absent. */
export async function metricValue(httpBase: string, name: string, reason?: string): Promise<number> {
  const text = await metricsText(httpBase)
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line)
    if (!m || m[1] !== name) continue
    if (reason !== undefined && !(m[2] ?? '').includes(`reason="${reason}"`)) continue
    return Number(m[3])
  }
  return 0
}

async function metricsText(httpBase: string): Promise<string> {
  try {
    return await (await fetch(`${httpBase}/metrics`)).text()
  } catch {
    // a kept-alive connection the server closed just as it was reused: once more, on a new one
    return (await fetch(`${httpBase}/metrics`)).text()
  }
}
