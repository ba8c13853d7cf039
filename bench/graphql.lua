-- wrk script: POSTs one GraphQL request (body from $BODY_FILE) as many persons in turn (one token per line in
-- $TOKEN_FILE), and counts answers that are not HTTP 200 or that carry GraphQL errors.
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

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
  next_token = id * 7
  requests = {}
  for i, token in ipairs(tokens) do
    requests[i] = wrk.format(nil, nil, { ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token }, nil)
  end
end

function request()
  next_token = next_token % #requests + 1
  return requests[next_token]
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
