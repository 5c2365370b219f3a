import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** The relay's Prometheus metrics, on a registry of its own so several servers can run in one process. */
export function createMetrics(withDefaults = true) {
  const registry = new Registry()
  // the event-loop lag monitor samples on a timer; at the default 10 ms it wakes an idle server
  // 100 times a second (see docs/benchmarks.md), at 100 ms lag is still caught well enough
  if (withDefaults) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 })
  return {
    registry,
    roomsOpen: new Gauge({
      name: 'whiteboard_rooms_open',
      help: 'Rooms loaded in memory',
      registers: [registry],
    }),
    connections: new Gauge({
      name: 'whiteboard_connections_open',
      help: 'Open websocket connections',
      registers: [registry],
    }),
    updatesRelayed: new Counter({
      name: 'whiteboard_updates_relayed_total',
      help: 'Document updates stored and relayed',
      registers: [registry],
    }),
    updatesRefused: new Counter({
      name: 'whiteboard_updates_refused_total',
      help: 'Updates refused before being applied, by reason (a rule, a cap, or missing dependencies)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    messagesDropped: new Counter({
      name: 'whiteboard_messages_dropped_total',
      help: 'Messages dropped or connections closed for bad input',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    storageLatency: new Histogram({
      name: 'whiteboard_storage_append_seconds',
      help: 'Time to store one batch of updates durably',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    sessionsCreated: new Counter({
      name: 'whiteboard_sessions_created_total',
      help: 'Sessions created',
      registers: [registry],
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>
