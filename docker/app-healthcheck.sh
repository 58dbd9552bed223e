#!/usr/bin/env bash
# Container health check of the catalogue app: healthy when GET /api/themes answers 200.
# Uses bash's /dev/tcp so that the image needs neither curl nor wget.
set -euo pipefail

port="${CATALOGUE_HTTP_PORT:-8080}"

# The API binds 0.0.0.0 (IPv4), so talk to 127.0.0.1 rather than "localhost" (which may be ::1).
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /api/themes HTTP/1.1\r\nHost: localhost:%s\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "$port" >&3

status_line=""
IFS= read -r -t 4 status_line <&3 || true
exec 3<&-

case "$status_line" in
    "HTTP/1."?" 200 "* | "HTTP/1."?" 200"$'\r') exit 0 ;;
    *) echo "unhealthy: GET /api/themes answered '${status_line%$'\r'}'" >&2; exit 1 ;;
esac
