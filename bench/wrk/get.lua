-- GET a random path from the list in $STOA_WRK_DATA/$STOA_WRK_PATHS (one path per line, e.g. /api/v1/products/<id>).
-- Used by the read scenarios: product detail, product list, search, suggest. Any number of connections per thread.
-- With STOA_WRK_EACH_ONCE=<wrk threads>, thread k instead asks paths k, k+threads, k+2*threads, ... in order, so
-- no path is asked twice until the list runs out (then it starts over): the search of new queries.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local paths
local stride = tonumber(os.getenv("STOA_WRK_EACH_ONCE") or "")
local next_path

function init(args)
  seed_random()
  paths = read_lines(os.getenv("STOA_WRK_PATHS"))
  wrk.headers["Accept"] = "application/json"
  next_path = id or 1
end

function request()
  if stride then
    local path = paths[next_path]
    next_path = next_path + stride
    if next_path > #paths then next_path = (id or 1) end
    return wrk.format("GET", path)
  end
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  tally(status)
end
