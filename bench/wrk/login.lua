-- POST /api/v1/auth/login as a random seeded user ($STOA_WRK_DATA/logins.txt: one e-mail per line; the password in
-- $STOA_PASSWORD). Stateless: any number of connections per thread.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local emails, password

function init(args)
  seed_random()
  emails = read_lines("logins.txt")
  password = os.getenv("STOA_PASSWORD")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = string.format('{"email":"%s","password":"%s"}', emails[math.random(#emails)], password)
  return wrk.format("POST", "/api/v1/auth/login", nil, body)
end

function response(status, headers, body)
  tally(status)
end
