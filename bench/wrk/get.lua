-- GET a random path from the list in $STOA_WRK_DATA/$STOA_WRK_PATHS (one path per line, e.g. /api/v1/products/<id>).
-- Used by the read scenarios: product detail, product list, search, suggest. Any number of connections per thread.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local paths

function init(args)
  seed_random()
  paths = read_lines(os.getenv("STOA_WRK_PATHS"))
  wrk.headers["Accept"] = "application/json"
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  tally(status)
end
