-- wrk script for random-key lookups: GET /v1/public/permits/{n} with n drawn uniformly from a file of permit
-- numbers (one a line). Used as:
--   wrk ... -s wrk-random-keys.lua http://127.0.0.1:PORT -- KEYS_FILE
-- Prints the same RESULT line as wrk-report.lua.

local keys = {}
local count = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  local file = args[1]
  if file == nil then
    error("usage: wrk ... -s wrk-random-keys.lua URL -- KEYS_FILE")
  end
  for line in io.lines(file) do
    if #line > 0 then
      count = count + 1
      keys[count] = "/v1/public/permits/" .. line
    end
  end
  if count == 0 then
    error("no permit numbers in " .. file)
  end
  math.randomseed(os.time() * 1000 + (thread_number or 0))
end

function request()
  return wrk.format("GET", keys[math.random(count)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
