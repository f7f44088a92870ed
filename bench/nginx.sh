# Sourced by the benches that compare the service with nginx on the same bytes: start_nginx serves $work/www
# (Debian's nginx, as many workers as cores, no access log) on 127.0.0.1:$nginx_port; the caller's cleanup stops it
# through $work/nginx.pid.
start_nginx() {
  mkdir -p "$work/www"
  chmod 755 "$work" "$work/www" # nginx's workers run as www-data
  cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
  nginx -c "$work/nginx.conf"
}
