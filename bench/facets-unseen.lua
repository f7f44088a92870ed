-- Every request a filter panel nobody asked for before (so neither the kept totals nor the kept facet counts help):
-- one employer's facets over a window of deadlines, the employer and the window drawn in turn so that no two
-- requests of a run are the same (98 employers x 1 540 windows of the next 8 weeks).
-- wrk -s bench/facets-unseen.lua http://host:port      (FACETS_EMPLOYERS: how many employers, ids 1..N; 98;
-- FACETS: which facets, "unit,agency,hours" by default)
local employers = tonumber(os.getenv("FACETS_EMPLOYERS") or "98")
local facets = os.getenv("FACETS") or "unit,agency,hours"
local days = 56
local threads, n = 0, 0
local today = os.time()

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  n = offset * 1000000
end

function request()
  n = n + 1
  local employer = n % employers + 1
  local w = math.floor(n / employers) % (days * (days - 1) / 2)
  -- The w-th pair from < to of the next 56 days.
  local from = 0
  while w >= days - 1 - from do
    w = w - (days - 1 - from)
    from = from + 1
  end
  local to = from + 1 + w
  return wrk.format("GET", "/api/v1/positions?employer=" .. employer .. "&facets=" .. facets
    .. "&deadlineFrom=" .. os.date("%Y-%m-%d", today + from * 86400)
    .. "&deadlineTo=" .. os.date("%Y-%m-%d", today + to * 86400))
end
