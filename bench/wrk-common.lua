-- What every wrk script of bench/ shares (loaded with dofile from the repository's root, where the
-- bench scripts run wrk): a random seed per thread, a fresh random system ID per request, and the
-- count of failed requests printed at the end.
local threads = {}

function setup(thread)
  thread:set("seed", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed * 7919 + os.time())
end

function uuid4()
  return string.format("%08x-%04x-4%03x-%x%03x-%012x",
    math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff),
    math.random(8, 11), math.random(0, 0xfff), math.random(0, 0xffffffffffff))
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
