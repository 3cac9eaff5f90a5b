-- Enrollment in free courses, fresh (user, course) pairs only (wrk -t N -c N: one connection per thread).
-- $STOA_WRK_DATA/conn-<thread id>.txt: lines "<access token> <course id>", pairs no other line and no earlier run
-- uses. Each request is POST /courses/{courseId}/enroll with that user's token; the next pair is taken in
-- response(). Counters: enrolled (201); exhausted (threads whose list ran out: such a thread stops, so req/s is then
-- a lower bound, since wrk divides by the whole duration).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local pairs_, i = {}, 1

function init(args)
  for _, line in ipairs(read_lines("conn-" .. id .. ".txt")) do
    local token, course = line:match("^(%S+) (%S+)$")
    pairs_[#pairs_ + 1] = {token, course}
  end
end

function request()
  local p = pairs_[i]
  return wrk.format("POST", "/api/v1/courses/" .. p[2] .. "/enroll",
      api_headers(p[1]), "{}")
end

function response(status, headers, body)
  tally(status)
  if status == 201 then count("enrolled") end
  i = i + 1
  if i > #pairs_ then
    i = 1
    count("exhausted")
    wrk.thread:stop()
  end
end
