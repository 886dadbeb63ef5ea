-- wrk script: every request posts a distinct pulpcore Analytics protobuf message (a fresh random
-- system ID) to POST /, as pulpcore itself does: raw bytes, application/octet-stream.
dofile("bench/wrk-common.lua")

-- A length-delimited field: tag byte, length (< 128 here), bytes.
local function field(tag, bytes)
  return string.char(tag, #bytes) .. bytes
end

local function component(name, version)
  return field(0x22, field(0x0a, name) .. field(0x12, version))
end

-- Everything but the system ID is the same in every message: online content apps and workers,
-- four components, PostgreSQL 15.4 (varint 150004) and RBAC statistics.
local rest = field(0x12, string.char(0x08, 2, 0x10, 1))
  .. field(0x1a, string.char(0x08, 4, 0x10, 2))
  .. component("core", "3.49.1") .. component("rpm", "3.26.1")
  .. component("file", "3.49.1") .. component("container", "2.19.2")
  .. string.char(0x28, 0xf4, 0x93, 0x09)
  .. field(0x32, string.char(0x08, 12, 0x10, 3, 0x18, 1))

request = function()
  return wrk.format("POST", "/", {["Content-Type"] = "application/octet-stream"}, field(0x0a, uuid4()) .. rest)
end
