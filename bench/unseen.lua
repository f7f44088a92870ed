-- Every request a search nobody has made before (so no kept answer, ranking or understanding helps): a job word
-- of the postings, spelt without Danish letters, with one letter replaced, dropped or doubled, as people type.
-- wrk -s bench/unseen.lua http://host:port
local words = {
  "laerer", "paedagog", "sygeplejerske", "socialraadgiver", "ergoterapeut", "fysioterapeut", "bibliotekar",
  "psykolog", "skoleleder", "dagplejer", "familiebehandler", "laesevejleder", "skolekonsulent", "jurist",
  "ingenioer", "bogholder", "sundhedsassistent", "musikskolelaerer", "talepaedagog", "pladsanvisning",
  "systemadministrator", "lonkonsulent", "byplanlaegger", "supporter", "jobkonsulent", "controller",
}
local letters = "abcdefghijklmnopqrstuvwxyz"
local stop = {
  "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "de", "med", "han", "af", "for", "ikke", "der",
  "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu", "over", "da", "fra",
}
local threads, n = 0, 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  n = offset * 100000
end

function request()
  n = n + 1
  local word = words[n % #words + 1]
  local k = math.floor(n / #words)
  local at = k % #word + 1
  local kind = math.floor(k / #word) % 3
  local c = math.floor(k / (#word * 3)) % 26 + 1
  local q
  if kind == 0 then
    q = word:sub(1, at - 1) .. letters:sub(c, c) .. word:sub(at + 1)
  elseif kind == 1 then
    q = word:sub(1, at - 1) .. word:sub(at + 1)
  else
    q = word:sub(1, at) .. word:sub(at)
  end
  -- Three Danish stop words, which search leaves out, make the text new however many requests came before: the
  -- work is the word's, done afresh.
  local m = n
  for _ = 1, 3 do
    q = q .. "+" .. stop[m % #stop + 1]
    m = math.floor(m / #stop)
  end
  return wrk.format("GET", "/api/v1/positions?q=" .. q)
end
