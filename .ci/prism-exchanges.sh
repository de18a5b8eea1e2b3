#!/usr/bin/env bash
# The exchanges of the Prism check: Stoplight Prism in proxy mode in front of a running example, every operation of
# its document sent through it, error paths included. Prism checks each request and answer against the document and
# reports what breaks it in the `sl-violations` header. Each exchange is labelled:
#   req: inside the document: Prism must find nothing in the request or the answer;
#   out: a request sent outside the document on purpose, to see its 4xx: Prism must flag the request (so the label
#        cannot go stale), and still find nothing in the answer.
# Prints each exchange and the counts; exits 1 on an answer's violation, a `req` Prism refuses, an `out` it does not
# flag, or an exchange Prism does not answer.
#
#   .ci/prism-exchanges.sh <document> <app-url> <key> <password> [version label]
#
# The app at <app-url> has the users ada and joebloggs (password <password>), and <key> is an API key (keyid:secret)
# of ada's acting as a role with the scope site:read. Run by .ci/prism-proxy.sh, and by PrismProxyTest (the example's
# suite). A request Prism itself cannot take is left out: a malformed JSON body gets no answer from Prism 5
# (stoplightio/prism#2664), so its 400 is checked by the contract check (HostileBodiesTest) instead.
set -euo pipefail
here="$(cd "${0%/*}/.." && pwd)"
document="$1"; app="$2"; key="$3"; password="$4"; version="${5:-$(head -1 "$1" | awk '{print $2}')}"
prism="${PRISM:-$here/portico-core/src/test/browser/node_modules/.bin/prism}"
work="$(mktemp -d)"
# a port the kernel says is free now: a random one could be in use (a random pick in 30000-50000 overlaps the
# ephemeral range), and Prism then never answered, every exchange timing out (a CI run on 2026-12-07)
proxy_port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
"$prism" proxy "$document" "$app" --port "$proxy_port" --host 127.0.0.1 >"$work/prism.log" 2>&1 & pids+=($!)
up=0
for _ in $(seq 1 120); do
  if curl -s "http://127.0.0.1:$proxy_port/api/hello/x/" >/dev/null 2>&1; then up=1; break; fi
  kill -0 "${pids[0]}" 2>/dev/null || break # Prism stopped: no use waiting
  sleep 0.5
done
if [ "$up" = 0 ]; then
  echo "prism proxy did not answer on port $proxy_port; its log:" >&2
  cat "$work/prism.log" >&2
  exit 1
fi

base="http://127.0.0.1:$proxy_port"
set +e # from here on, a failed exchange is reported, not the end of the run
requests=0; violations=0; outside=0; unexpected=0
# req <label> <curl arguments...>: an exchange inside the document: Prism must find nothing in the request or answer.
# out <label> <curl arguments...>: a request sent outside the document on purpose (to see its 4xx): Prism must flag
# the request, and still find nothing in the answer.
req() { exchange inside "$@"; }
out() { exchange outside "$@"; }
exchange() {
  local kind="$1" label="$2"; shift 2
  local headers; headers="$(curl -s --max-time 15 -o "$work/body" -D - -b "$work/jar" -c "$work/jar" "$@" || true)"
  requests=$((requests + 1))
  local status; status="$(printf '%s' "$headers" | head -1 | awk '{print $2}')"
  local found; found="$(printf '%s' "$headers" | grep -i '^sl-violations:' | cut -d' ' -f2- | tr -d '\r' || true)"
  local n=0
  if [ -n "$found" ]; then
    n="$(printf '%s' "$found" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let n=1;try{
      n=JSON.parse(s).filter(v=>v.location[0]==="response").length}catch(e){}console.log(n)})')"
  fi
  if [ -z "$status" ]; then
    unexpected=$((unexpected + 1)); echo "NO ANSWER $label (Prism gave none within 15 s)"
  elif [ "$n" -gt 0 ]; then
    violations=$((violations + n)); echo "VIOLATION $label -> $status: $found"
  elif [ "$kind" = outside ] && [ -n "$found" ]; then
    outside=$((outside + 1)); echo "ok        $label -> $status (outside the document on purpose): $found"
  elif [ "$kind" = outside ]; then
    unexpected=$((unexpected + 1)); echo "UNFLAGGED $label -> $status: sent outside the document, but Prism found it inside"
  elif [ -n "$found" ]; then
    unexpected=$((unexpected + 1)); echo "REFUSED   $label -> $status: $found"
  else
    echo "ok        $label -> $status"
  fi
}
json=(-H 'Content-Type: application/json')
token="$(curl -s "$base/auth/obtain_token/" "${json[@]}" -d '{"username":"ada","password":"'"$password"'"}')"
access="$(printf '%s' "$token" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).access))')"
refresh="$(printf '%s' "$token" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).refresh))')"
auth=(-H "Authorization: Bearer $access")
apikey=(-H "Authorization: Api-Key $key")

req hello "$base/api/hello/ada/"
req hello-nul "$base/api/hello/a%00b/"
out hello-405 -X DELETE "$base/api/hello/ada/"
req obtainToken "$base/auth/obtain_token/" "${json[@]}" -d '{"username":"ada","password":"'"$password"'"}'
req obtainToken-401 "$base/auth/obtain_token/" "${json[@]}" -d '{"username":"ada","password":"wrong"}'
out obtainToken-400 "$base/auth/obtain_token/" "${json[@]}" -d '{}'
out obtainToken-415 "$base/auth/obtain_token/" -H 'Content-Type: text/plain' -d 'x'
req refreshToken "$base/auth/refresh_token/" "${json[@]}" -d "{\"refresh\":\"$refresh\"}"
req refreshToken-401 "$base/auth/refresh_token/" "${json[@]}" -d '{"refresh":"nope"}'
req verifyToken "$base/auth/verify_token/" "${json[@]}" -d "{\"token\":\"$access\"}"
req verifyToken-401 "$base/auth/verify_token/" "${json[@]}" -d '{"token":"nope"}'
req refreshJwt "$base/auth/token/refresh/" "${json[@]}" -d "{\"refresh\":\"$refresh\"}"
req verifyJwt "$base/auth/token/verify/" "${json[@]}" -d "{\"token\":\"$access\"}"
req verifyJwt-401 "$base/auth/token/verify/" "${json[@]}" -d '{"token":"nope"}'
req register "$base/auth/registration/" "${json[@]}" -d '{"username":"newbie","email":"newbie@example.com","password1":"correct-horse-battery-2","password2":"correct-horse-battery-2"}'
out register-400 "$base/auth/registration/" "${json[@]}" -d '{"username":""}'
req verifyEmail-400 "$base/auth/registration/verify-email/" "${json[@]}" -d '{"key":"nope"}'
req resendEmail "$base/auth/registration/resend-email/" "${json[@]}" -d '{"email":"newbie@example.com"}'
req requestPasswordReset "$base/auth/password/reset/" "${json[@]}" -d '{"email":"ada@example.com"}'
req confirmPasswordReset-400 "$base/auth/password/reset/confirm/" "${json[@]}" -d '{"uid":"x","token":"y","new_password1":"a","new_password2":"a"}'
req retrieveCsrfToken "$base/auth/csrf/"
csrf="$(awk '$6=="csrftoken"{print $7}' "$work/jar" | tail -1)"
session=(-H "X-CSRFToken: $csrf")
req login-400 "$base/auth/login/" "${json[@]}" "${session[@]}" -d '{"username":"ada","password":"wrong"}'
req login "$base/auth/login/" "${json[@]}" "${session[@]}" -d '{"username":"ada","password":"'"$password"'"}'
csrf="$(awk '$6=="csrftoken"{print $7}' "$work/jar" | tail -1)"; session=(-H "X-CSRFToken: $csrf")
req retrieveCurrentUser "$base/auth/user/"
req updateCurrentUser -X PUT "$base/auth/user/" "${json[@]}" "${session[@]}" -d '{"username":"ada","first_name":"Ada","last_name":"Lovelace"}'
req partialUpdateCurrentUser -X PATCH "$base/auth/user/" "${json[@]}" "${session[@]}" -d '{"first_name":"Ada"}'
req changePassword-400 "$base/auth/password/change/" "${json[@]}" "${session[@]}" -d '{"new_password1":"a","new_password2":"b"}'
req createPost-403-csrf "$base/api/posts/" "${json[@]}" -d '{"title":"No token","content":"x"}'
req createPost-session "$base/api/posts/" "${json[@]}" "${session[@]}" -d '{"title":"By session","content":"x"}'
req logout "$base/auth/logout/" "${session[@]}" -X POST
out retrieveCurrentUser-401 "$base/auth/user/"
out listPosts-401 "$base/api/posts/"

req createPost "$base/api/posts/" "${auth[@]}" "${json[@]}" -d '{"title":"Hello","content":"First","publish_date":null}'
id="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).id)' "$work/body")"
req createPost-form "$base/api/posts/" "${auth[@]}" --data-urlencode 'title=Form' --data-urlencode 'content=x' -d 'draft=&publish_date='
req createPost-multipart "$base/api/posts/" "${auth[@]}" -F 'title=Multi' -F 'content=x' -F 'draft=true'
out createPost-400 "$base/api/posts/" "${auth[@]}" "${json[@]}" -d '{"title":""}'
req listPosts "$base/api/posts/" "${auth[@]}"
req listPosts-filtered "$base/api/posts/?ordering=-created_at&search=Hello&page=1" "${auth[@]}"
req listPosts-ordering-400 "$base/api/posts/?ordering=nope" "${auth[@]}"
req listPosts-page-404 "$base/api/posts/?page=99" "${auth[@]}"
req retrievePost "$base/api/posts/$id/" "${auth[@]}"
req retrievePost-404 "$base/api/posts/999999/" "${auth[@]}"
req updatePost -X PUT "$base/api/posts/$id/" "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' -d '{"title":"Hello again","content":"Second"}'
req partialUpdatePost -X PATCH "$base/api/posts/$id/" "${auth[@]}" "${json[@]}" -d '{"publish_date":null}'
req partialUpdatePost-412 -X PATCH "$base/api/posts/$id/" "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' -d '{"draft":true}'
req destroyPost-412 -X DELETE "$base/api/posts/$id/" "${auth[@]}" -H 'If-Match: "1"'
req destroyPost -X DELETE "$base/api/posts/$id/" "${auth[@]}"

req createEmployee "$base/api/employees/" "${auth[@]}" "${json[@]}" -d '{"name":"Joe","department":"Sales","salary":5000.00,"hire_date":"2024-01-02"}'
emp="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).id)' "$work/body")"
req createEmployee-form-key "$base/api/employees/" --data-urlencode "authorisation=$key" -d 'name=Ann&department=Ops&salary=10&hire_date=2024-01-03'
out createEmployee-400 "$base/api/employees/" "${auth[@]}" "${json[@]}" -d '{"name":"","salary":-1}'
req listEmployees "$base/api/employees/?salary__gte=1&department=Sales" "${auth[@]}"
req listEmployees-apikey "$base/api/employees/" -H "Authorization: Api-Key $key"
out listEmployees-query-key "$base/api/employees/?authorisation=$key"
req listEmployees-401 "$base/api/employees/" -H 'Authorization: Api-Key k-0000000000000000:nope'
req retrieveEmployee "$base/api/employees/$emp/" "${auth[@]}"
req updateEmployee -X PUT "$base/api/employees/$emp/" "${auth[@]}" "${json[@]}" -d '{"name":"Joe","department":"Sales","salary":6000,"hire_date":"2024-01-02"}'
req partialUpdateEmployee -X PATCH "$base/api/employees/$emp/" "${auth[@]}" "${json[@]}" -d '{"salary":7000}'
req destroyEmployee -X DELETE "$base/api/employees/$emp/" "${auth[@]}"
req destroyEmployee-404 -X DELETE "$base/api/employees/$emp/" "${auth[@]}"

req createUpload "$base/api/uploads/" "${auth[@]}" -F 'file=@/etc/hostname;type=text/plain' -F 'note=hi'
out createUpload-415 "$base/api/uploads/" "${auth[@]}" "${json[@]}" -d '{}'
req homeDescribeSite "$base/api/home/describe_site" --data-urlencode "authorisation=$key"
req homeDescribeSite-401 "$base/api/home/describe_site" -d 'authorisation=k-0000000000000000:nope'
out homeDescribeSite-json "$base/api/home/describe_site" "${apikey[@]}" "${json[@]}" -d '{}'
uid="$(curl -s --max-time 15 "$base/api/home/find_user" --data-urlencode "authorisation=$key" -d 'firstname=joe&lastname=bloggs' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id||""))')"
req homeDescribeUser "$base/api/home/describe_user" --data-urlencode "authorisation=$key" -d "user=$uid"
req homeDescribeUser-400 "$base/api/home/describe_user" --data-urlencode "authorisation=$key" -d 'user=u-nope'
req homeFindUser "$base/api/home/find_user" --data-urlencode "authorisation=$key" -d 'firstname=joe&lastname=bloggs'
req homeFindUser-404 "$base/api/home/find_user" --data-urlencode "authorisation=$key" -d 'firstname=no&lastname=one'
out homeFindUser-400 "$base/api/home/find_user" --data-urlencode "authorisation=$key" -d 'firstname=&lastname=x'
req homeListNamedUsers "$base/api/home/list_named_users" --data-urlencode "authorisation=$key" -d 'usernames=joebloggs&usernames=ada'
req homeListUsers "$base/api/home/list_users" --data-urlencode "authorisation=$key" -d 'filter.name_gt=a&filter.name_lt=z'
req homeUpload "$base/api/home/upload" -F "authorisation=$key" -F 'file=@/etc/hostname;type=text/plain' -F 'note=n'
out homeUpload-400 "$base/api/home/upload" -F "authorisation=$key" -F 'note=n'
req typesEcho-json "$base/api/types/echo" "${json[@]}" -d '{"flag":true,"count":3,"ratio":0.5,"name":"x","color":null,"when":"2024-01-02T03:04:05Z","tags":["a"],"people":[{"name":"ada","age":36}],"scores":{"x":1},"note":"n"}'
req typesEcho-form "$base/api/types/echo" --data-urlencode "authorisation=$key" -d 'flag=true&count=3&ratio=0.5&color=&when=2024-01-02T03:04:05Z&tags=a&tags=b'
# blank multipart parts are read as not given (DRF's rule), but the multipart schema keeps the plain types: a blank
# spelling there makes OpenAPI Generator's clients send the field as a JSON part (docs/schema.md, Form spellings)
out typesEcho-blank-multipart "$base/api/types/echo" -F "authorisation=$key" -F 'flag=' -F 'count=' -F 'ratio=' -F 'color=' -F 'when=' -F 'owner='
# a form, not JSON: in 3.0.3 Prism skips the JSON body of echo unchecked (its nullable converter turns a null-only
# branch's enum [null] into [null, null], which ajv refuses to compile), so a JSON 400 would not be flagged there
out typesEcho-400 "$base/api/types/echo" --data-urlencode "authorisation=$key" -d 'count=many'
req apiIndex "$base/api/_index" "${apikey[@]}"

echo "prism proxy, OpenAPI $version: $requests requests ($outside outside the document on purpose and flagged), $unexpected unexpected findings on requests, $violations response violations"
[ "$violations" -eq 0 ] && [ "$unexpected" -eq 0 ]
