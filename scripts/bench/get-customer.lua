-- wrk script: GET of one customer.
function init(args)
  key = os.getenv("FLYWHEEL_KEY") or ""
end
function request()
  return wrk.format("GET", "/api/v1/customers/c1", {["Authorization"] = "Bearer " .. key})
end
function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
