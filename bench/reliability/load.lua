-- wrk script of the reliability suite: a mix of reads and writes, posts with a JWT and employees with an API key.
--   JWT=... API_KEY=... [DELAY_MS=n] wrk -t2 -c64 -d60s -s bench/reliability/load.lua http://127.0.0.1:8200
-- 40% list posts, 30% list employees, 15% create a post, 15% create an employee; done() prints one JSON line.
local jwt = "Bearer " .. (os.getenv("JWT") or "")
local key = "Api-Key " .. (os.getenv("API_KEY") or "")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local n = 0

local post_body = '{"title":"load","content":"' .. string.rep("x", 100) .. '","draft":false}'
local employee_body = '{"name":"load","department":"load","salary":1234.5,"hire_date":"2024-01-02"}'

request = function()
  n = n + 1
  local r = math.random(100)
  if r <= 40 then
    return wrk.format("GET", "/api/posts/?page=1", {["Authorization"] = jwt})
  elseif r <= 70 then
    return wrk.format("GET", "/api/employees/?department=load", {["Authorization"] = key})
  elseif r <= 85 then
    return wrk.format("POST", "/api/posts/", {["Authorization"] = jwt, ["Content-Type"] = "application/json"}, post_body)
  else
    return wrk.format("POST", "/api/employees/", {["Authorization"] = key, ["Content-Type"] = "application/json"},
      employee_body)
  end
end

if delay_ms > 0 then
  delay = function()
    return delay_ms
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.1f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"non_2xx_3xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status))
end
