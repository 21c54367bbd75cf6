-- wrk script for a fixed URL: wrk sends the same pre-built request every time (no Lua per request) and this
-- only prints one machine-readable line at the end, which bench/read-paths.sh parses.
-- Latencies from wrk are in microseconds; the line gives milliseconds.

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
