# shellcheck shell=bash
# nginx as an independent server for the measurement scripts; sourced after common.sh.

# start_nginx DIR HTTP_LINES SERVER_LINES: nginx with its own prefix DIR (logs, pid and temp files inside it), one
# worker, keep-alive for a whole trial, on a free loopback port; the caller's own directives go into http {} and
# server {}. Sets NGINX_PORT and NGINX_PID once it listens; stop it with stop_pid "$NGINX_PID".
start_nginx() {
  local dir=$1
  mkdir -p "$dir/logs" "$dir/tmp"
  NGINX_PORT=$(free_port)
  cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  keepalive_timeout 65s;
  keepalive_requests 100000000; # one connection for a whole trial or round
$2
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
$3
  }
}
CONF
  "${NGINX:-nginx}" -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" &
  NGINX_PID=$!
  wait_for_port "$NGINX_PORT" "$NGINX_PID" nginx "$dir/logs/error.log"
}
