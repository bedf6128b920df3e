-- wrk script: one manual points adjustment per request (a ledger write: source, lot, entry, balance), for
-- POST /api/v1/loyalty/customers/{id}/adjustments, spread over 2,000 customers, unique keys per thread and run.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
function init(args)
  counter = 0
  prefix = string.format("w%d-%d-%d-", tid, os.time(), math.random(1, 1000000000))
  key = os.getenv("FLYWHEEL_KEY") or ""
  customers = tonumber(os.getenv("FLYWHEEL_CUSTOMERS") or "2000")
end
function request()
  counter = counter + 1
  local body = string.format('{"points":5,"reason":"bench","key":"%s%d"}', prefix, counter)
  return wrk.format("POST", string.format("/api/v1/loyalty/customers/b%d/adjustments", (counter * 7 + tid) % customers),
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    non2xx + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
