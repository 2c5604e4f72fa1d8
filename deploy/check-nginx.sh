#!/usr/bin/env bash
# Checks deploy/nginx-enoe.conf with the nginx installed here (nginx -t), in a throw-away prefix with a
# self-signed certificate, so a typo is found before it reaches the proxy. Needs Debian's nginx and openssl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=enoe.test \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s#/etc/ssl/certs/ent.example-academie.fr.pem#$work/cert.pem#" \
    -e "s#/etc/ssl/private/ent.example-academie.fr.key#$work/key.pem#" \
    "$here/nginx-enoe.conf" >"$work/enoe.conf"
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    include $work/enoe.conf;
}
CONF
nginx -t -p "$work" -c "$work/nginx.conf"
