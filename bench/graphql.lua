-- wrk script: POSTs one GraphQL request (body from $BODY_FILE, token from $TOKEN_FILE) and counts answers
-- that are not HTTP 200 or that carry GraphQL errors.
local function read(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

wrk.method = "POST"
wrk.body = read(os.getenv("BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. read(os.getenv("TOKEN_FILE")):gsub("%s+", "")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
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
