-- wrk script of scripts/bench-search.sh: each connection sends the paths of
-- a file (one per line) in turn, starting at a different place, and the run
-- ends with one `result` line in the benchmark's format.
-- Usage: BENCH_CLASS=CLASS wrk ... -s scripts/bench-search.lua URL -- PATHS_FILE
-- (the class comes from the environment: `done` runs in a Lua state of its
-- own, which never sees `init`'s arguments).
local paths = {}
local class = os.getenv("BENCH_CLASS") or "all"
local next_index = 1
local started = 0

function setup(thread)
  started = started + 1
  thread:set("id", started)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(paths, line) end
  end
  -- Threads start at different places of the list.
  next_index = ((id or 1) - 1) * 499 % #paths
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end

function done(summary, latency, requests)
  local ms = function(p) return latency:percentile(p) / 1000.0 end
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "result runner=http scope=mix class=%s n=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f timeouts=%d requests_per_s=%.1f errors=%d\n",
    class, summary.requests, ms(50), ms(95), ms(99), latency.max / 1000.0, summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), errors))
end
