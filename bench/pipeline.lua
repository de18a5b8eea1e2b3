-- wrk script: each connection sends 16 requests for the URL's path at a time (HTTP/1.1 pipelining), the next 16 once
-- their answers are in; used by bench/fairness.sh
init = function(args)
   local batch = {}
   for i = 1, 16 do batch[i] = wrk.format(nil, wrk.path) end
   req = table.concat(batch)
end
request = function() return req end
