-- wrk script: one new order per request (unique ids per thread and run), for POST /api/v1/orders.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
function init(args)
  counter = 0
  prefix = string.format("w%d-%d-%d-", tid, os.time(), math.random(1, 1000000000))
  key = os.getenv("FLYWHEEL_KEY") or ""
end
function request()
  counter = counter + 1
  local body = string.format(
    '{"id":"%s%d","customer_id":"c%d","placed_at":"2026-11-01T10:00:00Z","currency":"EUR",' ..
    '"line_items":[{"sku":"TEA-1","title":"Sencha","quantity":2,"total_minor":1998}],' ..
    '"subtotal_minor":1998,"total_minor":1998}', prefix, counter, counter % 50000)
  return wrk.format("POST", "/api/v1/orders",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    non2xx + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
