-- wrk script: GET of one dashboard page with a signed-in session's cookie.
function init(args)
  cookie = os.getenv("FLYWHEEL_COOKIE") or ""
  path = os.getenv("FLYWHEEL_PATH") or "/"
end
function request()
  return wrk.format("GET", path, {["Cookie"] = cookie, ["Accept-Language"] = "en"})
end
function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
