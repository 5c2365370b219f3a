/** Lua run inside Redis, so that what they read and write is one atomic step. */

/** Stream ids compared in Lua: true when a comes before b. */
const BEFORE = `
local function before(a, b)
  local am, as = string.match(a, '(%d+)-(%d+)')
  local bm, bs = string.match(b, '(%d+)-(%d+)')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  return am < bm or (am == bm and as < bs)
end
`

/**
 * KEYS: snap, log. Returns { state or false, the snapshot's stream id, entries after it }: the
 * snapshot and the tail from the same id, read together, so nothing falls between them.
 */
export const LOAD_ROOM = `
local snap = redis.call('HMGET', KEYS[1], 'state', 'id')
local from = snap[2]
if not from then from = '0-0' end
return { snap[1], from, redis.call('XRANGE', KEYS[2], '(' .. from, '+') }
`

/**
 * KEYS: snap, log, lock. ARGV: state, the stream id it holds everything up to, margin (ms),
 * instance. Stores the snapshot unless a newer one is there, then trims the stream before
 * min(snapshot id, now - margin), and appends a marker saying up to which id entries are gone, so
 * that a reader behind it knows to reload from the snapshot. Returns -1 if the lock was lost, 0 if
 * a newer snapshot exists, else 1 + the number of entries trimmed.
 */
export const COMPACT_ROOM = `${BEFORE}
if redis.call('GET', KEYS[3]) ~= ARGV[4] then return -1 end
local current = redis.call('HGET', KEYS[1], 'id')
if current and not before(current, ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'id', ARGV[2])
local t = redis.call('TIME')
local cutoffMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - tonumber(ARGV[3])
if cutoffMs < 0 then cutoffMs = 0 end
local cutoff = string.format('%d-0', cutoffMs)
if before(ARGV[2], cutoff) then cutoff = ARGV[2] end
local last = redis.call('XREVRANGE', KEYS[2], '(' .. cutoff, '-', 'COUNT', 1)
if #last == 0 then return 1 end
local trimmed = redis.call('XTRIM', KEYS[2], 'MINID', cutoff)
if trimmed > 0 then redis.call('XADD', KEYS[2], '*', 't', last[1][1]) end
return 1 + trimmed
`

/** KEYS: lock. ARGV: instance. Releases the lock if this instance still holds it. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`
