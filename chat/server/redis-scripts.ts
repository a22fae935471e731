// The Lua scripts of the Redis hub. Redis runs each script atomically, so the sequence number,
// the history entry, the dedupe entry and the PUBLISH of one message happen as one step: no node
// can see a sequence number without its message, and a resend cannot slip in between.
//
// Keys (all under one prefix, `loopchat:` by default):
//   epoch                 random id of the history; created once with SET NX semantics
//   seq                   INCR counter of the newest message
//   history               list of message JSON, capped at the history size
//   dedupe:<sender>\0<id> "<epoch> <seq>" of a message sent with a client message id, with a TTL
//   users                 hash: display name → id of the node its connection is on
//   node:<id>:users       set of the names a node registered
//   node:<id>:alive       heartbeat key with a TTL, refreshed by the live node
//   nodes                 set of node ids that registered
//
// NOTE: the reap and sync scripts build node keys from the prefix inside Lua instead of declaring
// them in KEYS, which is fine on a single Redis but not on Redis Cluster.

/** Creates the epoch when it is missing; a missing epoch means seq and history are stale too. */
const ENSURE_EPOCH = `
local function ensure_epoch(epoch_key, seq_key, history_key, candidate)
  local epoch = redis.call('GET', epoch_key)
  if not epoch then
    redis.call('SET', epoch_key, candidate)
    redis.call('DEL', seq_key, history_key)
    epoch = candidate
  end
  return epoch
end
`;

/** Builds the JSON of one pub/sub presence event. */
const PRESENCE_EVENT = `
local function publish_presence(channel, change, name, count, node)
  redis.call('PUBLISH', channel, cjson.encode({
    type = 'presence', change = change, username = name, count = count, node = node
  }))
end
`;

/**
 * KEYS: epoch, seq, history, dedupe.
 * ARGV: candidate epoch, username, message, unix seconds, history size, dedupe flag ('1'/'0'),
 * dedupe TTL in seconds, channel.
 * Returns { epoch, seq, duplicate (1/0) }.
 */
export const PUBLISH_LUA = `${ENSURE_EPOCH}
local epoch = ensure_epoch(KEYS[1], KEYS[2], KEYS[3], ARGV[1])
local dedupe = ARGV[6] == '1'

if dedupe then
  local seen = redis.call('GET', KEYS[4])
  if seen then
    local space = string.find(seen, ' ', 1, true)
    if space and string.sub(seen, 1, space - 1) == epoch then
      return { epoch, tonumber(string.sub(seen, space + 1)), 1 }
    end
  end
end

local seq = redis.call('INCR', KEYS[2])
local message = cjson.encode({
  seq = seq, username = ARGV[2], message = ARGV[3], timestamp = tonumber(ARGV[4])
})

local history_size = tonumber(ARGV[5])
if history_size > 0 then
  redis.call('RPUSH', KEYS[3], message)
  redis.call('LTRIM', KEYS[3], -history_size, -1)
end
if dedupe then
  redis.call('SET', KEYS[4], epoch .. ' ' .. seq, 'EX', ARGV[7])
end

redis.call('PUBLISH', ARGV[8], '{"type":"message","epoch":' .. cjson.encode(epoch) ..
  ',"message":' .. message .. '}')
return { epoch, seq, 0 }
`;

/**
 * KEYS: epoch, seq, history, users. ARGV: candidate epoch.
 * Returns { epoch, seq, user count, history JSON... }.
 */
export const SNAPSHOT_LUA = `${ENSURE_EPOCH}
local epoch = ensure_epoch(KEYS[1], KEYS[2], KEYS[3], ARGV[1])
local seq = tonumber(redis.call('GET', KEYS[2]) or '0')
local result = { epoch, seq, redis.call('HLEN', KEYS[4]) }
if ARGV[2] == '1' then
  for _, entry in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
    table.insert(result, entry)
  end
end
return result
`;

/**
 * KEYS: users, node users. ARGV: requested name, node id, channel.
 * Returns { name, count }: the first free name of `alice`, `alice (2)`, … over the whole cluster.
 */
export const JOIN_LUA = `${PRESENCE_EVENT}
local name = ARGV[1]
local suffix = 2
while redis.call('HEXISTS', KEYS[1], name) == 1 do
  name = ARGV[1] .. ' (' .. suffix .. ')'
  suffix = suffix + 1
end

redis.call('HSET', KEYS[1], name, ARGV[2])
redis.call('SADD', KEYS[2], name)
local count = redis.call('HLEN', KEYS[1])
publish_presence(ARGV[3], 'join', name, count, ARGV[2])
return { name, count }
`;

/**
 * KEYS: users, node users. ARGV: name, node id, channel.
 * Returns { removed (1/0), count }; a name that another node owns now is left alone.
 */
export const LEAVE_LUA = `${PRESENCE_EVENT}
redis.call('SREM', KEYS[2], ARGV[1])
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then
  return { 0, redis.call('HLEN', KEYS[1]) }
end

redis.call('HDEL', KEYS[1], ARGV[1])
local count = redis.call('HLEN', KEYS[1])
publish_presence(ARGV[3], 'leave', ARGV[1], count, ARGV[2])
return { 1, count }
`;

/**
 * KEYS: alive, nodes. ARGV: node id, TTL in milliseconds.
 * Returns 1 when the heartbeat key still existed, 0 when it had expired (or Redis lost it), in
 * which case the node must register its users again.
 */
export const HEARTBEAT_LUA = `
local existed = redis.call('EXISTS', KEYS[1])
redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return existed
`;

/**
 * Makes Redis list exactly the names connected to this node: publishes a leave for each name it
 * registered that is gone and a join for each name it did not register yet, then refreshes the
 * heartbeat. Used after Redis comes back and after the node's heartbeat key expired.
 * KEYS: users, node users, alive, nodes. ARGV: node id, TTL in milliseconds, channel, names…
 * Returns the user count.
 */
export const SYNC_LUA = `${PRESENCE_EVENT}
local node = ARGV[1]
local connected = {}
for i = 4, #ARGV do connected[ARGV[i]] = true end

for _, name in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if not connected[name] then
    redis.call('SREM', KEYS[2], name)
    if redis.call('HGET', KEYS[1], name) == node then
      redis.call('HDEL', KEYS[1], name)
      publish_presence(ARGV[3], 'leave', name, redis.call('HLEN', KEYS[1]), node)
    end
  end
end

for i = 4, #ARGV do
  local name = ARGV[i]
  redis.call('SADD', KEYS[2], name)
  if redis.call('HSETNX', KEYS[1], name, node) == 1 then
    publish_presence(ARGV[3], 'join', name, redis.call('HLEN', KEYS[1]), node)
  end
end

redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
redis.call('SADD', KEYS[4], node)
return redis.call('HLEN', KEYS[1])
`;

/**
 * Removes the users of every node whose heartbeat key expired and publishes their leaves. Two
 * nodes may run it at the same moment: the second finds nothing left to remove.
 * KEYS: users, nodes. ARGV: key prefix, channel.
 * Returns the number of names removed.
 */
export const REAP_LUA = `${PRESENCE_EVENT}
local removed = 0
for _, node in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('EXISTS', ARGV[1] .. 'node:' .. node .. ':alive') == 0 then
    local set_key = ARGV[1] .. 'node:' .. node .. ':users'
    for _, name in ipairs(redis.call('SMEMBERS', set_key)) do
      if redis.call('HGET', KEYS[1], name) == node then
        redis.call('HDEL', KEYS[1], name)
        removed = removed + 1
        publish_presence(ARGV[2], 'leave', name, redis.call('HLEN', KEYS[1]), node)
      end
    end
    redis.call('DEL', set_key)
    redis.call('SREM', KEYS[2], node)
  end
end
return removed
`;
