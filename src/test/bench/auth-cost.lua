-- wrk script of auth-cost-benchmark.sh: every request carries a header of its own (a header is valid once), read from
-- the file the benchmark made; wrk's threads take every Nth line each, so no two requests share one.
--   wrk -t2 -c8 -d15s -s auth-cost.lua URL -- HEADERS_FILE THREADS
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  headers = {}
  local threads = tonumber(args[2])
  local n = 0
  for line in io.lines(args[1]) do
    if n % threads == id then
      headers[#headers + 1] = line
    end
    n = n + 1
  end
  next_header = 0
end

function request()
  next_header = next_header + 1
  -- Out of headers: the service refuses the request, and the benchmark reports the round as too short of headers.
  local header = headers[next_header] or "exhausted"
  return wrk.format("GET", nil, { ["X-OCS-Header"] = header })
end
