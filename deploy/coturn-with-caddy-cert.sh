#!/bin/sh
# coturn with the certificate Caddy obtained for HEARTH_DOMAIN, so browsers can reach TURN
# over TLS (turns:HEARTH_DOMAIN:5349). Caddy's files are root's alone (0600); this script runs
# as root, copies them where coturn's own user can read them, starts coturn, which drops to
# nobody once its ports are open, and hands it a renewed certificate (SIGUSR2) without a restart.
set -eu

: "${HEARTH_DOMAIN:?set HEARTH_DOMAIN}"
from="/caddy-data/caddy/certificates/acme-v02.api.letsencrypt.org-directory/$HEARTH_DOMAIN"
cert="$from/$HEARTH_DOMAIN.crt"
key="$from/$HEARTH_DOMAIN.key"
tls=/run/coturn-tls

copy() {
  install -d -m 0750 -o root -g nogroup "$tls"
  install -m 0640 -o root -g nogroup "$cert" "$tls/cert.pem"
  install -m 0640 -o root -g nogroup "$key" "$tls/key.pem"
}

# Without a certificate coturn would start without its TLS port; Caddy gets one within
# seconds of first reaching Let's Encrypt (and never if DNS or ports 80/443 are wrong).
until [ -s "$cert" ] && [ -s "$key" ]; do
  echo "coturn: waiting for Caddy's certificate for $HEARTH_DOMAIN (check: docker compose logs caddy)"
  sleep 15
done
copy

turnserver "$@" --cert="$tls/cert.pem" --pkey="$tls/key.pem" --proc-user=nobody --proc-group=nogroup &
pid=$!

# Caddy renews about a month before expiry: looking once an hour is plenty. Both files count,
# so a pair copied halfway through Caddy's writing is put right an hour later.
watch_renewals() {
  seen=$(cat "$cert" "$key" | cksum)
  while sleep "${CERT_CHECK_SECONDS:-3600}"; do
    now=$(cat "$cert" "$key" | cksum)
    if [ "$now" != "$seen" ] && copy && kill -USR2 "$pid"; then
      seen=$now
      echo "coturn: took up the renewed certificate"
    fi
  done
}
watch_renewals &
watcher=$!

# docker stop: pass it on. A trapped signal ends `wait` early, so wait until coturn is gone.
trap 'kill -TERM "$pid" 2>/dev/null || true' TERM INT
code=0
wait "$pid" || code=$?
while kill -0 "$pid" 2>/dev/null; do wait "$pid" || code=$?; done
kill "$watcher" 2>/dev/null || true
exit "$code"
