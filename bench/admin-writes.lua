-- wrk script for bench/admin-writes.sh: one admin write per request, through the whole gateway.
-- From the environment: MODE (create | patch | rotate), KEY (the admin's API key), THREADS (wrk -t) and, for patch
-- and rotate, CLIENTS (client ids, comma-separated). Thread n works on every THREADS-th client from the n-th, so no
-- two connections ever change the same client at once (run wrk with one connection per thread): the bench measures
-- the write path, not conflicts between writers. Latencies from wrk are in microseconds; the line gives milliseconds.
local mode = os.getenv("MODE")
local key = os.getenv("KEY")
local threads = tonumber(os.getenv("THREADS") or "1")
local all = {}
for id in string.gmatch(os.getenv("CLIENTS") or "", "[^,]+") do all[#all + 1] = id end

local created = 0
function setup(thread)
  created = created + 1
  thread:set("slot", created)
end

function init(args)
  mine = {}
  for i = slot, #all, threads do mine[#mine + 1] = all[i] end
  nth = 0
end

local json = { ["X-API-Key"] = key, ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
local merge = { ["X-API-Key"] = key, ["Content-Type"] = "application/merge-patch+json", ["Accept"] = "application/json" }

function request()
  nth = nth + 1
  if mode == "create" then
    local body = string.format('{"name":"Bench client %d-%d","organisation":"ePermit bench","roles":["vendor"],'
        .. '"scopes":["permits:read"]}', slot, nth)
    return wrk.format("POST", "/v1/admin/clients", json, body)
  end
  local id = mine[(nth % #mine) + 1]
  if mode == "patch" then
    local body = string.format('{"organisation":"ePermit bench %d","contactEmail":"ops%d@example.cn"}', nth, nth % 7)
    return wrk.format("PATCH", "/v1/admin/clients/" .. id, merge, body)
  end
  return wrk.format("POST", "/v1/admin/clients/" .. id .. "/keys", json, nil)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f errors_status=%d errors_other=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
