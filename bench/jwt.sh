#!/usr/bin/env bash
# Prints an HS256 access token for the bench user (id 1 of bench.auth_users, epoch 0), signed with
# BENCH_JWT_SECRET, valid for a day: the claims Portico's Tokens write (token_type, user_id, jti, iat, nbf, exp,
# iss portico, aud api, ep), so Portico, Spring Security and the raw floor all accept the same token.
#   source bench/jwt.sh; token=$(bench_jwt)        (bench_jwt -60: a token that expired a minute ago)
: "${BENCH_JWT_SECRET:=bench-secret-for-hs256-only-0123456789abcdef}"
export BENCH_JWT_SECRET

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

bench_jwt() { # [lifetime in seconds, 86400 by default]
  local now header claims signature lifetime=${1:-86400}
  now=$(date +%s)
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  claims=$(printf '{"token_type":"access","user_id":1,"jti":"%s","iat":%d,"nbf":%d,"exp":%d,"iss":"portico","aud":"api","ep":0}' \
    "$(openssl rand -hex 16)" "$((now - 120))" "$((now - 120))" "$((now + lifetime))" | b64url)
  signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -hmac "$BENCH_JWT_SECRET" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$claims" "$signature"
}
