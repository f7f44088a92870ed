-- Every request the first posting of the list (a small answer) with 4 000 characters of a parameter the service ignores, different each time: each
-- answer is kept under a key of its own that long (cache/ResponseCache.java weighs the key with the answer).
-- wrk -s bench/long-keys.lua http://host:port
local n = 0

function setup(thread)
  n = n + 1
  thread:set("offset", n)
end

function init(args)
  counter = offset * 100000000
  pad = string.rep("x", 4000)
end

function request()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/positions?size=1&ignored=" .. counter .. pad)
end
