-- wrk script of bench/search.sh: replays the URL list given after "--" (one path per line), each thread from its own
-- starting point, and prints one RESULT line with the counts and the latency percentiles (microseconds).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local urls = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    urls[#urls + 1] = line
  end
  i = (id * 7919) % #urls
end

function request()
  i = i % #urls + 1
  return wrk.format("GET", urls[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d non2xx=%d p50_us=%d p95_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
