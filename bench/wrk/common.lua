-- Shared by the scenario scripts of bench/run (loaded with dofile from each of them).
-- Gives every wrk thread an id (1..threads), tallies response statuses and scenario counters per thread,
-- and prints one JSON line at the end (done): requests, duration, req/s, latency percentiles in ms from wrk's own
-- histogram (time-outs taken into account: see below), socket errors (connect, read, write), time-outs (responses
-- slower than --timeout), statuses >= 400 and every status counted.
-- Data files come from the directory in STOA_WRK_DATA (written by bench/run.py before each run).
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

statuses = {}   -- per thread: status -> count (read back in done)
counters = {}   -- per thread: scenario counters (orders placed, pairs exhausted, ...)

function tally(status)
  local k = tostring(status)
  statuses[k] = (statuses[k] or 0) + 1
end

function count(name, n)
  counters[name] = (counters[name] or 0) + (n or 1)
end

-- A refusal counted under its problem code as well (e.g. refused:INSUFFICIENT_STOCK), so a run tells why.
function count_refusal(name, body)
  count(name)
  local code = body and body:match('"code"%s*:%s*"([%w_]+)"')
  if code then count(name .. ":" .. code) end
end

function data_file(name)
  return (os.getenv("STOA_WRK_DATA") or ".") .. "/" .. name
end

function read_lines(name)
  local t = {}
  for line in io.lines(data_file(name)) do
    if line ~= "" then t[#t + 1] = line end
  end
  return t
end

function seed_random()
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
  for _ = 1, 10 do math.random() end
end

local function json_map(t)
  local parts = {}
  for k, v in pairs(t) do parts[#parts + 1] = string.format('"%s":%d', k, v) end
  table.sort(parts)
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local st, ct = {}, {}
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("statuses") or {}) do st[k] = (st[k] or 0) + v end
    for k, v in pairs(thread:get("counters") or {}) do ct[k] = (ct[k] or 0) + v end
  end
  local non2xx = 0
  for k, v in pairs(st) do
    local s = tonumber(k)
    if s < 200 or s > 299 then non2xx = non2xx + v end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  -- wrk counts a response slower than --timeout as a time-out and leaves it out of its histogram. Those are slower
  -- than every recorded one, so the percentile q of all responses is the histogram's q / (1 - share of time-outs),
  -- and null (slower than the time-out) once q falls among the time-outs.
  local share = summary.requests > 0 and e.timeout / summary.requests or 0
  local function pct(q)
    if q / 100 >= 1 - share then return "null" end
    return string.format("%.3f", latency:percentile(q / (1 - share)) / 1000)
  end
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_s":%.3f,"rps":%.2f,"p50_ms":%s,"p90_ms":%s,"p95_ms":%s,"p99_ms":%s,'
      .. '"recorded_p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,"connect_errors":%d,"read_errors":%d,'
      .. '"write_errors":%d,"timeouts":%d,"status_errors":%d,"non2xx":%d,"statuses":%s,"counters":%s}\n',
    summary.requests, secs, summary.requests / secs, pct(50), pct(90), pct(95), pct(99),
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, non2xx, json_map(st), json_map(ct)))
end

-- The headers of an authenticated JSON request.
function api_headers(token)
  return {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept"] = "application/json"}
end

-- Cart steps shared by cart.lua and checkout.lua: empty the cart, add one unit of a product.
function cart_clear(token)
  return wrk.format("DELETE", "/api/v1/cart", api_headers(token))
end

function cart_add(token, product)
  return wrk.format("POST", "/api/v1/cart/items", api_headers(token),
      string.format('{"itemType":"product","itemId":"%s","quantity":1}', product))
end
