-- wrk script: every request posts a distinct Census JSON v1 report (a fresh random system ID).
dofile("bench/wrk-common.lua")

request = function()
  local body = '{"schema":1,"product":"demo","system_id":"' .. uuid4() .. '","channel":"production",'
    .. '"sent_at":"2026-01-01T12:00:00Z","components":[{"name":"core","version":"3.49.1"},{"name":"rpm","version":"1.2.3"}],'
    .. '"metrics":{"workers.processes":4,"workers.hosts":1,"database.engine":"postgresql","tls.enabled":true,"memory.mib":1536}}'
  return wrk.format("POST", "/api/v1/reports", {["Content-Type"] = "application/json"}, body)
end
