-- A flood of searches nobody made before: a random six-letter word each, as one client sends them (its address in
-- X-Forwarded-For, as the Ingress would report it; FLOOD_ADDRESS). Counts the answers by status.
-- wrk -s bench/flood.lua http://host:port
local address = os.getenv("FLOOD_ADDRESS") or "203.0.113.1"
local threads = {}
local letters = "abcdefghijklmnopqrstuvwxyz"

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  math.randomseed(os.time() + #tostring(statuses))
end

function request()
  local word = {}
  for i = 1, 6 do
    local c = math.random(1, 26)
    word[i] = letters:sub(c, c)
  end
  return wrk.format("GET", "/api/v1/positions?q=" .. table.concat(word), { ["X-Forwarded-For"] = address })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, status .. "=" .. count)
  end
  table.sort(parts)
  io.write("flooder answers: " .. table.concat(parts, " ") .. "\n")
end
