-- Every request a search of four made-up 40-letter words (163 characters; `q` takes 200): two typos are allowed in
-- words that long, and Lucene's automaton for that is some 100 KB a word (search/Typos.java keeps them within a
-- bound on their memory). wrk -s bench/long-words.lua http://host:port
local letters = "abcdefghijklmnopqrstuvwxyz"

function init(args)
  math.randomseed(os.time() + os.clock() * 1000000)
end

local function word()
  local w = {}
  for i = 1, 40 do
    local k = math.random(1, 26)
    w[i] = letters:sub(k, k)
  end
  return table.concat(w)
end

function request()
  return wrk.format("GET", "/api/v1/positions?q=" .. word() .. "+" .. word() .. "+" .. word() .. "+" .. word())
end
