#!/usr/bin/env bash
# A local Keycloak with the epermit realm, for the Keycloak test suite (*KeycloakIT) and for running the service
# against Keycloak by hand. The server distribution comes from Maven Central through the Maven wrapper (cached in
# the local Maven repository), is unpacked under target/keycloak and listens on 127.0.0.1 only.
#
#   keycloak/run.sh fetch    download (once) and unpack (once), nothing else
#   keycloak/run.sh start    download (once), unpack (once), start with a fresh import of keycloak/realm-epermit.json,
#                            wait until ready (bounded); does nothing if it already runs; refuses when its ports are
#                            taken by anything else
#   keycloak/run.sh stop     stop it (SIGTERM, then SIGKILL after 30 s)
#   keycloak/run.sh status   "running" or "stopped"
#
# Settings (environment): EPERMIT_KEYCLOAK_PORT (18080), EPERMIT_KEYCLOAK_MANAGEMENT_PORT (19000),
# KEYCLOAK_JAVA_HOME (a JDK 21+; default: the Temurin 25 JDK of our machines), EPERMIT_KEYCLOAK_READY_TIMEOUT
# (seconds, 300), KEYCLOAK_ADMIN_PASSWORD (the admin console's password; default: random, written to
# target/keycloak/admin-password).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=26.7.3
PORT=${EPERMIT_KEYCLOAK_PORT:-18080}
MANAGEMENT_PORT=${EPERMIT_KEYCLOAK_MANAGEMENT_PORT:-19000}
READY_TIMEOUT=${EPERMIT_KEYCLOAK_READY_TIMEOUT:-300}
KC_JAVA=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BASE=$PWD/target/keycloak
HOME_DIR=$BASE/keycloak-$VERSION
PID_FILE=$BASE/keycloak.pid
LOG=$BASE/keycloak.log
URL=http://127.0.0.1:$PORT

running() {
  [[ -f $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

# Whether something accepts connections on 127.0.0.1:$1.
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Keycloak would fail to bind only late in its start-up, or, worse, another server on the management port would
# answer the readiness probe in its place: refuse at once when a port is held by anything but the Keycloak this
# script started (which has a live pid file, and is handled before this is called).
refuse_taken_ports() {
  local port holder
  for port in "$PORT" "$MANAGEMENT_PORT"; do
    port_taken "$port" || continue
    holder=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(.*)' | head -1 || true)
    echo "keycloak: port $port on 127.0.0.1 is already taken${holder:+ ($holder)}, and not by the Keycloak this" \
      "script started from $PWD. Stop what holds it (another checkout's Keycloak: its keycloak/run.sh stop)," \
      "or use other ports: EPERMIT_KEYCLOAK_PORT, EPERMIT_KEYCLOAK_MANAGEMENT_PORT." >&2
    exit 1
  done
}

ready() {
  curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" 2>/dev/null
}

unpack() {
  [[ -x $HOME_DIR/bin/kc.sh ]] && return
  mkdir -p "$BASE"
  echo "keycloak: fetching keycloak-quarkus-dist $VERSION (169 MiB, cached in the local Maven repository)"
  ./mvnw -B -ntp -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$BASE"
  unzip -q -o "$BASE/keycloak-quarkus-dist-$VERSION.zip" -d "$BASE"
  rm -f "$BASE/keycloak-quarkus-dist-$VERSION.zip"
}

start() {
  if running; then
    echo "keycloak: already running at $URL (pid $(cat "$PID_FILE"))"
    return
  fi
  refuse_taken_ports
  [[ -x $KC_JAVA/bin/java ]] || { echo "keycloak: needs a JDK 21+ at KEYCLOAK_JAVA_HOME (tried $KC_JAVA)" >&2; exit 1; }
  unpack
  # A fresh realm at every start: drop the dev database, import the realm file.
  rm -rf "$HOME_DIR/data/h2" "$HOME_DIR/data/import"
  mkdir -p "$HOME_DIR/data/import"
  cp keycloak/realm-epermit.json "$HOME_DIR/data/import/"
  if [[ -z ${KEYCLOAK_ADMIN_PASSWORD:-} ]]; then
    KEYCLOAK_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    (umask 077 && printf '%s\n' "$KEYCLOAK_ADMIN_PASSWORD" > "$BASE/admin-password")
  fi
  local started=$SECONDS
  # The issuer is pinned (--hostname): in dev mode it would otherwise follow each request's Host header.
  JAVA_HOME=$KC_JAVA KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KEYCLOAK_ADMIN_PASSWORD \
    setsid nohup "$HOME_DIR/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$PORT" \
      --http-management-port="$MANAGEMENT_PORT" --hostname="$URL" --health-enabled=true --import-realm \
      > "$LOG" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  echo "keycloak: starting (pid $!, log $LOG)"
  until ready; do
    if ! running; then
      echo "keycloak: exited during start-up; last lines of $LOG:" >&2
      tail -40 "$LOG" >&2
      exit 1
    fi
    if (( SECONDS - started > READY_TIMEOUT )); then
      echo "keycloak: not ready within $READY_TIMEOUT s; last lines of $LOG:" >&2
      tail -40 "$LOG" >&2
      stop
      exit 1
    fi
    sleep 2
  done
  echo "keycloak: ready at $URL in $((SECONDS - started)) s (realm epermit: $URL/realms/epermit; admin console: user admin)"
}

stop() {
  if ! running; then
    rm -f "$PID_FILE"
    echo "keycloak: not running"
    return
  fi
  local pid
  pid=$(cat "$PID_FILE")
  # kc.sh execs java in the same process group (setsid above): signal the group.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "keycloak: did not stop within 30 s; killing it" >&2
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  fi
  rm -f "$PID_FILE"
  echo "keycloak: stopped"
}

case "${1:-}" in
  fetch) unpack ;;
  start) start ;;
  stop) stop ;;
  status) if running; then echo running; else echo stopped; fi ;;
  *) echo "usage: $0 fetch|start|stop|status" >&2; exit 2 ;;
esac
