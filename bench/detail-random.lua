-- Every request a posting's detail, the ids drawn at random from 1..DETAIL_MAX_ID (so the JIT meets the detail
-- path with many different rows, as a website's visitors do). wrk -s bench/detail-random.lua http://host:port
local max = tonumber(os.getenv("DETAIL_MAX_ID") or "200")

function init(args)
  math.randomseed(os.time())
end

function request()
  return wrk.format("GET", "/api/v1/positions/" .. math.random(1, max))
end
