-- wrk script: every request creates a product with a unique SKU and slug (POST /api/v1/products).
-- Counts statuses and X-Stoa-Consistency values; write_throughput.py drives it and reads the summary line.
-- Needs the environment variable STOA_TOKEN (an admin or vendor access token).
local threads = {}
local counter = 0
local run = tostring(os.time())

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("STOA_TOKEN")
  ok, pending, consistent, other = 0, 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  local sku = string.format("W%s-%d-%d", run, id, counter)
  local body = string.format('{"sku":"%s","slug":"%s","name":"Bench product %d","priceCents":%d,'
      .. '"currency":"USD","brand":"Bench","description":"A product written by the benchmark."}',
      sku, string.lower(sku), counter, 100 + counter % 5000)
  return wrk.format(nil, "/api/v1/products", nil, body)
end

function response(status, headers, body)
  if status == 201 then ok = ok + 1 else other = other + 1 end
  local c = headers["X-Stoa-Consistency"] or headers["x-stoa-consistency"]
  if c == "consistent" then consistent = consistent + 1 elseif c == "pending" then pending = pending + 1 end
end

function done(summary, latency, requests)
  local t = {ok = 0, other = 0, consistent = 0, pending = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  io.write(string.format("RESULT requests=%d seconds=%.2f created=%d other=%d consistent=%d pending=%d "
      .. "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d\n",
      summary.requests, summary.duration / 1e6, t.ok, t.other, t.consistent, t.pending,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
