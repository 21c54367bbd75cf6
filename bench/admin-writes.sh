#!/usr/bin/env bash
# The admin write path under load: POST /v1/admin/clients (register a client, issue its first key),
# PATCH /v1/admin/clients/{id} (a merge patch) and POST /v1/admin/clients/{id}/keys (rotate a key), each through the
# whole gateway (API-key authentication, rate limits, idempotency-free POSTs, the write transaction, its audit row),
# measured with wrk against the packaged service on its own database on the local PostgreSQL. Prints one table and
# writes it to bench/results/admin-writes-<label>-<time>.md. Only loopback addresses are used; everything it starts it
# stops. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

LABEL=${LABEL:-run}
JAR=${JAR:-api/target/quarkus-app/quarkus-run.jar}
DB=${DB:-epermit_bench_writes}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
PORT=${PORT:-18091}
CONNECTIONS=${CONNECTIONS:-4}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
CLIENTS_PER_THREAD=${CLIENTS_PER_THREAD:-50}
MODES=${MODES:-create patch rotate}

die() { echo "admin-writes: $*" >&2; exit 1; }
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
PGBENCH=${PGBENCH:-$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -n 1 || true)}
[[ -n $PGBENCH && -x $PGBENCH ]] || PGBENCH=$(command -v pgbench || true)
[[ -n $PGBENCH && -x $PGBENCH ]] || die "pgbench not found (it ships with the PostgreSQL server package)"
for tool in psql curl java wrk jq; do command -v $tool >/dev/null || die "$tool is required (wrk: apt-get install -y wrk)"; done
[[ -f $JAR ]] || die "no $JAR: build it first (./mvnw -q package -DskipTests)"
export PGHOST PGPORT PGUSER
WORK=$(mktemp -d)
SERVICE_PID=
cleanup() {
    [[ -n $SERVICE_PID ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

log "recreating database $DB"
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'" >/dev/null

export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_USERNAME=$PGUSER
export QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-}
# wrk measures throughput, not refusals: the limits are raised (every request still takes a token from a bucket)
UNLIMITED=()
for plan in free standard partner; do
    UNLIMITED+=("-Depermit.rate-limit.plans.$plan.requests-per-second=10000000" "-Depermit.rate-limit.plans.$plan.burst=10000000"
        "-Depermit.rate-limit.plans.$plan.daily-quota=100000000000")
done
log "starting the service on 127.0.0.1:$PORT"
java ${JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dquarkus.management.port=0 "${UNLIMITED[@]}" \
    -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null --max-time 2 "$BASE/q/health/ready" 2>/dev/null && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -n 40 "$WORK/service.log" >&2; die "the service stopped"; }
    sleep 0.5
done
curl -fsS -o /dev/null "$BASE/q/health/ready" || die "the service was not ready"

# An administrator of the bench's own (the service prints demo keys only on its embedded database), in the API's key
# format: a 16-character id, a base64url secret, only the secret's SHA-256 stored.
ADMIN=00000000-0000-4000-8000-0000000000ad
KEY_ID=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
psql -qX -d "$DB" -c "INSERT INTO api_client (id, name, organisation, roles, scopes, plan, status)
          VALUES ('$ADMIN', 'Bench admin', 'ePermit bench', '{admin}', '{admin}', 'partner', 'ACTIVE');
          INSERT INTO api_key (id, client_id, secret_sha256)
          VALUES ('$KEY_ID', '$ADMIN', sha256(convert_to('$SECRET', 'UTF8')))" >/dev/null
KEY="epk_${KEY_ID}_$SECRET"
[[ $(curl -sS -o /dev/null -w '%{http_code}' -H "X-API-Key: $KEY" "$BASE/v1/me") == 200 ]] || die "the bench admin's key does not work"

THREADS=$CONNECTIONS
# the clients that patch and rotate work on: a pool per thread, so no client's key list grows long in a round
new_clients() {
    local n=$1 ids=()
    for i in $(seq 1 "$n"); do
        ids+=("$(curl -fsS -X POST -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
            -d "{\"name\":\"Bench pool $i\",\"organisation\":\"ePermit bench\",\"roles\":[\"vendor\"],\"scopes\":[\"permits:read\"]}" \
            "$BASE/v1/admin/clients" | jq -r .client.id)")
    done
    local IFS=,; echo "${ids[*]}"
}

run() {  # run MODE SECONDS CLIENTS -> the RESULT line
    MODE=$1 KEY=$KEY THREADS=$THREADS CLIENTS=$3 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 10s \
        -s bench/admin-writes.lua "$BASE" | grep '^RESULT'
}

declare -A RPS P99 ERR
for mode in $MODES; do
    clients=
    [[ $mode != create ]] && clients=$(new_clients $((THREADS * CLIENTS_PER_THREAD)))
    log "$mode: warm-up ${WARMUP}s"
    run "$mode" "$WARMUP" "$clients" >/dev/null
    for r in $(seq 1 "$ROUNDS"); do
        line=$(run "$mode" "$DURATION" "$clients")
        log "$mode round $r: $line"
        RPS[$mode]+="$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line") "
        P99[$mode]+="$(sed -E 's/.* p99_ms=([0-9.]+).*/\1/' <<<"$line") "
        ERR[$mode]+="$(sed -E 's/.* errors_status=([0-9]+) errors_other=([0-9]+).*/\1+\2/' <<<"$line") "
    done
done

# The database's own ceiling for a registration: its statements straight from pgbench, same connections, same rounds
CEILING=
if [[ " $MODES " == *" create "* ]]; then
    log "create: the database's ceiling (pgbench, bench/pgbench-admin-create.sql)"
    "$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$WARMUP" -D keyid="$KEY_ID" -D admin="$ADMIN" -D scope=permits:read \
        -f bench/pgbench-admin-create.sql "$DB" >/dev/null
    for r in $(seq 1 "$ROUNDS"); do
        tps=$("$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -D keyid="$KEY_ID" -D admin="$ADMIN" -D scope=permits:read \
            -f bench/pgbench-admin-create.sql "$DB" | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
        log "create ceiling round $r: tps=$tps"
        CEILING+="$tps "
    done
fi

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results
OUT=bench/results/admin-writes-$LABEL-$STAMP.md
{
    echo "# Admin write path — $LABEL ($STAMP)"
    echo
    echo "Service built from ${COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)} ($JAR); $CONNECTIONS connections (one per wrk thread), ${WARMUP} s warm-up, $ROUNDS × ${DURATION} s rounds;"
    echo "PostgreSQL at $PGHOST:$PGPORT; $(nproc) CPUs; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| write | req/s (median) | rounds req/s | p99 ms (median) | non-2xx + socket errors per round |"
    echo "|---|---|---|---|---|"
    for mode in $MODES; do
        echo "| $mode | $(median <<<"${RPS[$mode]}") | ${RPS[$mode]}| $(median <<<"${P99[$mode]}") | ${ERR[$mode]}|"
    done
    if [[ -n $CEILING ]]; then
        ceiling=$(median <<<"$CEILING")
        echo
        echo "The database's own ceiling for a registration (its statements from pgbench, $CONNECTIONS connections):"
        echo "$ceiling tps (rounds: $CEILING); create through the service is $(awk -v a="$(median <<<"${RPS[create]}")" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}') of it."
    fi
} | tee "$OUT"
log "written to $OUT"
