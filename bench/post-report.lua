-- wrk script: every request posts a distinct Census JSON v1 report (a fresh random system ID).
local threads = {}

function setup(thread)
  thread:set("seed", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed * 7919 + os.time())
end

local function uuid4()
  return string.format("%08x-%04x-4%03x-%x%03x-%012x",
    math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff),
    math.random(8, 11), math.random(0, 0xfff), math.random(0, 0xffffffffffff))
end

request = function()
  local body = '{"schema":1,"product":"demo","system_id":"' .. uuid4() .. '","channel":"production",'
    .. '"sent_at":"2026-01-01T12:00:00Z","components":[{"name":"core","version":"3.49.1"},{"name":"rpm","version":"1.2.3"}],'
    .. '"metrics":{"workers.processes":4,"workers.hosts":1,"database.engine":"postgresql","tls.enabled":true,"memory.mib":1536}}'
  return wrk.format("POST", "/api/v1/reports", {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
