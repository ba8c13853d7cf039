-- wrk script for the soak and overload runs: each thread owns its own residents (no resident in flight twice),
-- alternating the home and the progress query, and counts answers that are not HTTP 200, that carry GraphQL
-- errors, or that were shed (HTTP 503) separately. Tokens: $TOKENS_HOME and $TOKENS_PROGRESS, one per line.
local function read(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

local function lines(path)
  local out = {}
  for line in read(path):gmatch("[^\n]+") do
    table.insert(out, line)
  end
  return out
end

local bodies = { read("bench/home.json"), read("bench/progress.json") }
local tokens = { lines(os.getenv("TOKENS_HOME")), lines(os.getenv("TOKENS_PROGRESS")) }
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
  shed = 0
  -- each thread runs in a Lua state of its own, where the setup's table is empty: wrk's -t comes in by env
  count = tonumber(os.getenv("WRK_THREADS") or "2")
  turn = 0
end

function request()
  turn = turn + 1
  local kind = turn % 2 + 1
  local own = tokens[kind]
  -- thread i takes residents i, i + count, i + 2 count, ...: no two threads share one
  local slot = math.floor(turn / 2) * count + id
  local token = own[slot % #own + 1]
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token }, bodies[kind])
end

function response(status, headers, body)
  if status == 503 then
    shed = shed + 1
  elseif status ~= 200 or string.find(body, '"errors"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local errors, refused = 0, 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("failed")
    refused = refused + thread:get("shed")
  end
  io.write(string.format("RESULT requests=%d seconds=%.3f errors=%d shed=%d timeouts=%d p50=%.2f p99=%.2f\n",
    summary.requests, summary.duration / 1e6, errors + summary.errors.connect + summary.errors.read
      + summary.errors.write, refused, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
