#!/usr/bin/env bash
# Writes deploy/up's nginx configuration to standard output, from ROOT, RUN, PORTS and NGINX_PORT.
set -euo pipefail
servers=""
for port in $PORTS; do
  # a refused or reset connection marks the instance down for 2 s, and the request goes to the next one
  servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=2s;"$'\n'
done
cat <<CONF
# made by deploy/up; its own pid, logs and temporary files under $RUN, nothing in /etc/nginx
daemon on;
worker_processes 1;
pid $RUN/nginx.pid;
error_log $RUN/nginx-error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $RUN/nginx-tmp/body;
  proxy_temp_path $RUN/nginx-tmp/proxy;
  fastcgi_temp_path $RUN/nginx-tmp/fastcgi;
  uwsgi_temp_path $RUN/nginx-tmp/uwsgi;
  scgi_temp_path $RUN/nginx-tmp/scgi;
  client_max_body_size 12m;
  # slow clients: a header or body that trickles in is cut off here, never reaching an instance
  client_header_timeout 10s;
  client_body_timeout 10s;
  send_timeout 10s;
  keepalive_timeout 30s;
  upstream portico {
$servers  }
  server {
    listen 127.0.0.1:$NGINX_PORT backlog=4096;
    location / {
      proxy_pass http://portico;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # retried on the other instance: a connection refused or reset (an instance stopping or gone) and a
      # timeout to connect; nginx never resends a POST or PATCH it already sent, so a write is never done twice.
      # 503s are not retried: they are the instances' own answer (database or Redis down), the same on both.
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
      proxy_request_buffering on;
    }
  }
}
CONF
