-- wrk script: POSTs one GraphQL request (body from $BODY_FILE) as many persons in turn (one token per line in
-- $TOKEN_FILE: line n is person bench-$PERSON_GROUP-n), and counts answers that are not HTTP 200 or that carry
-- GraphQL errors. Each of the $WRK_THREADS threads owns its own persons (thread t takes persons t+1,
-- t+1+threads, ...), so no person is asked for by two threads at once and no upstream read is shared between
-- requests in flight. A body holding $PERSON gets the person's id there (the peer gateway takes it as an
-- argument); NO_AUTH=1 sends no Authorization header.
local function read(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

wrk.method = "POST"
wrk.body = read(os.getenv("BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
local tokens = {}
for line in read(os.getenv("TOKEN_FILE")):gmatch("[^\n]+") do
  table.insert(tokens, line)
end
local group = os.getenv("PERSON_GROUP") or "home"
local thread_count = tonumber(os.getenv("WRK_THREADS") or "1")
local authorized = os.getenv("NO_AUTH") ~= "1"

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
  requests = {}
  for n = id + 1, #tokens, thread_count do
    local headers = { ["Content-Type"] = "application/json" }
    if authorized then
      headers["Authorization"] = "Bearer " .. tokens[n]
    end
    local body = string.gsub(wrk.body, "%$PERSON", "bench-" .. group .. "-" .. n)
    table.insert(requests, wrk.format(nil, nil, headers, body))
  end
  next_request = 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("failed")
  end
  io.write(string.format("RESULT requests=%d seconds=%.3f errors=%d p50=%.2f p90=%.2f p99=%.2f\n",
    summary.requests, summary.duration / 1e6, errors + summary.errors.status + summary.errors.connect
      + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
