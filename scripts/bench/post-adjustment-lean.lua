-- wrk script: the requests of post-adjustment.lua (one manual points adjustment each, unique keys, 2,000
-- customers), built with less Lua per request: the fixed header lines are joined once in init() and each
-- request is one concatenation (no wrk.format, no header table walk). For measuring how much of a shared
-- machine the load generator takes (scripts/bench-loyalty-api with ADJUST_SCRIPT=this file).
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
function init(args)
  counter = 0
  prefix = string.format('{"points":5,"reason":"bench","key":"w%d-%d-%d-', tid, os.time(), math.random(1, 1000000000))
  customers = tonumber(os.getenv("FLYWHEEL_CUSTOMERS") or "2000")
  headers = " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. tostring(wrk.port) ..
    "\r\nContent-Type: application/json\r\nAuthorization: Bearer " .. (os.getenv("FLYWHEEL_KEY") or "") ..
    "\r\nContent-Length: "
end
function request()
  counter = counter + 1
  local body = prefix .. counter .. '"}'
  return "POST /api/v1/loyalty/customers/b" .. ((counter * 7 + tid) % customers) .. "/adjustments" .. headers ..
    #body .. "\r\n\r\n" .. body
end
function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    non2xx + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
