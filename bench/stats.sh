#!/usr/bin/env bash
# Statistics benchmark: every statistics call through the API beside the plain GROUP BY over the base tables that
# computes the same answer, in the same run, at national scale (1,000,000 permits and five years of execution
# reports by default). Loads the demo data set into its own database (or reuses it), starts the service against it,
# registers a stats:read client, runs bench/StatsBench.java (which checks that both answers agree, then times them)
# and writes bench/results/stats-<UTC timestamp>.md. See bench/README.md ("Statistics").
#
# Only loopback addresses are used; everything it starts it stops.
set -Eeuo pipefail
export LC_ALL=C.UTF-8

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)

PERMITS=${PERMITS:-1000000}
REPORT_YEARS=${REPORT_YEARS:-5}
DB=${DB:-epermit_bench_stats}
PORT=${PORT:-18093}
JAR=${JAR:-$REPO_DIR/api/target/quarkus-app/quarkus-run.jar}
WARMUP=${WARMUP:-50}
REQUESTS=${REQUESTS:-300}
PLAIN_RUNS=${PLAIN_RUNS:-5}
REUSE=${REUSE:-0}
DROP_AFTER=${DROP_AFTER:-0}
JAVA_OPTS=${JAVA_OPTS:-}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
KEEP_WORK=${KEEP_WORK:-0}
PGHOST=127.0.0.1
SCRATCH_COMMENT='scratch database of bench/stats.sh'
COMMAND="bench/stats.sh $*"

usage() {
    cat <<EOF2
Usage: bench/stats.sh [options]

  --permits N         demo permits to load (default 1000000; env PERMITS)
  --report-years N    years of demo execution reports (default 5; env REPORT_YEARS)
  --db NAME           database on 127.0.0.1:$PGPORT (default epermit_bench_stats; env DB)
  --port P            HTTP port of the service on 127.0.0.1 (default 18093; env PORT)
  --requests N        measured API requests per call, sequential (default 300; env REQUESTS)
  --warmup N          warm-up requests per call, discarded (default 50; env WARMUP)
  --plain-runs N      runs of each plain GROUP BY; the report gives the median (default 5; env PLAIN_RUNS)
  --reuse             measure the database already loaded (env REUSE=1)
  --drop              drop the database at the end (env DROP_AFTER=1)
  --jar PATH          the service (default api/target/quarkus-app/quarkus-run.jar; env JAR)
  -h, --help          this text
EOF2
}

while (($#)); do
    case $1 in
        --permits) PERMITS=${2:?}; shift 2 ;;
        --report-years) REPORT_YEARS=${2:?}; shift 2 ;;
        --db) DB=${2:?}; shift 2 ;;
        --port) PORT=${2:?}; shift 2 ;;
        --requests) REQUESTS=${2:?}; shift 2 ;;
        --warmup) WARMUP=${2:?}; shift 2 ;;
        --plain-runs) PLAIN_RUNS=${2:?}; shift 2 ;;
        --reuse) REUSE=1; shift ;;
        --drop) DROP_AFTER=1; shift ;;
        --jar) JAR=${2:?}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

die() { echo "ERROR: $*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
int_in() { [[ $2 =~ ^[0-9]+$ ]] && (($2 >= $3 && $2 <= $4)) || die "$1 must be a whole number from $3 to $4, got '$2'"; }
int_in permits "$PERMITS" 1 99999999
int_in report-years "$REPORT_YEARS" 0 10
int_in port "$PORT" 1024 65535
int_in requests "$REQUESTS" 20 100000
int_in warmup "$WARMUP" 0 100000
int_in plain-runs "$PLAIN_RUNS" 1 50
[[ $DB =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "database name must match [a-z_][a-z0-9_]*, got '$DB'"
case $DB in postgres | template0 | template1) die "refusing to use the database '$DB'" ;; esac
for tool in psql curl java; do command -v $tool >/dev/null || die "$tool is required"; done
[[ -f $JAR ]] || die "no service at $JAR: build it first (./mvnw -B -ntp -o -pl api -am package -DskipTests)"
LIB="$(dirname "$JAR")/lib/main"
ls "$LIB"/org.postgresql.postgresql-*.jar >/dev/null 2>&1 || die "no PostgreSQL driver in $LIB"

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER")
psql_val() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }
psql_admin() { "${PSQL[@]}" -d postgres -At -c "$1"; }
"${PSQL[@]}" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER"
PG_VERSION=$(psql_admin 'SHOW server_version')
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$PORT" && die "something already listens on 127.0.0.1:$PORT: choose another --port"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS_DIR"
REPORT=$RESULTS_DIR/stats-$STAMP.md
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stats.XXXXXX")
SERVICE_PID=
stop_pid() {
    local pid=$1 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < $2 * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    stop_pid "$SERVICE_PID" 30
    if ((DROP_AFTER)) && [[ ${DB_OURS:-0} == 1 ]]; then
        psql_admin "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || echo "WARNING: could not drop $DB" >&2
    fi
    if ((KEEP_WORK)) || ((rc != 0)); then echo "scratch files (logs) kept in $WORK" >&2; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)

export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_USERNAME=$PGUSER
export QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-}
DEMO_OPTS=(-Depermit.demo.report-years="$REPORT_YEARS" -Depermit.demo.monitoring-permits=0)

db_exists() { [[ $(psql_admin "SELECT count(*) FROM pg_database WHERE datname = '$DB'") == 1 ]]; }
db_is_ours() { [[ $(psql_admin "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = '$DB'") == "$SCRATCH_COMMENT" ]]; }
permit_count() { if [[ $(psql_val "SELECT to_regclass('public.permit') IS NOT NULL") == t ]]; then psql_val 'SELECT count(*) FROM permit'; else echo 0; fi; }
DB_OURS=0
LOAD_NOTE="reused the loaded database (--reuse), not timed"
if db_exists; then
    db_is_ours && DB_OURS=1
    if ((REUSE)) && (($(permit_count) > 0)); then
        log "reusing $DB (--reuse)"
    elif ((DB_OURS)); then
        log "dropping the previous $DB"; psql_admin "DROP DATABASE $DB" >/dev/null
    else
        die "the database $DB exists and was not created by this script: use --reuse, or choose another --db"
    fi
fi
if ! db_exists; then
    psql_admin "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'" >/dev/null
    psql_admin "COMMENT ON DATABASE $DB IS '$SCRATCH_COMMENT'" >/dev/null
    DB_OURS=1
fi
if (($(permit_count) == 0)); then
    log "load-demo $PERMITS ($REPORT_YEARS years of reports) into $DB"
    start_ns=$(date +%s%N)
    java $JAVA_OPTS "${DEMO_OPTS[@]}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -jar "$JAR" load-demo "$PERMITS" \
        >"$WORK/load.log" 2>&1 || { tail -n 40 "$WORK/load.log" >&2; die "load-demo failed; log in $WORK/load.log"; }
    LOAD_NOTE="load-demo $PERMITS: $(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s wall clock; $(grep -o 'rolled up the statistics in [0-9.]* s' "$WORK/load.log" || true)"
else
    start_ns=$(date +%s%N)
    java $JAVA_OPTS "${DEMO_OPTS[@]}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -jar "$JAR" load-demo "$PERMITS" >"$WORK/migrate.log" 2>&1 \
        || { tail -n 40 "$WORK/migrate.log" >&2; die "migrating $DB failed"; }
    LOAD_NOTE="$LOAD_NOTE; pending migrations applied in $(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s (JVM start included)"
fi
log "VACUUM (ANALYZE)"
"${PSQL[@]}" -d "$DB" -c 'VACUUM (ANALYZE)' >/dev/null
PERMITS_IN_DB=$(permit_count)
REPORTS_IN_DB=$(psql_val "SELECT count(*) FROM execution_report")

UNLIMITED=(-Depermit.permit-lifecycle.job.enabled=false)
for plan in free standard partner; do
    UNLIMITED+=("-Depermit.rate-limit.plans.$plan.requests-per-second=10000000" "-Depermit.rate-limit.plans.$plan.burst=10000000"
        "-Depermit.rate-limit.plans.$plan.daily-quota=100000000000")
done
UNLIMITED+=("-Depermit.rate-limit.anonymous.requests-per-second=10000000" "-Depermit.rate-limit.anonymous.burst=10000000"
    "-Depermit.rate-limit.anonymous.daily-quota=100000000000")
BASE="http://127.0.0.1:$PORT"
log "starting the service on $BASE"
java $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dquarkus.management.port=0 "${UNLIMITED[@]}" \
    -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null --max-time 2 "$BASE/q/health/ready" 2>/dev/null && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -n 40 "$WORK/service.log" >&2; die "the service stopped"; }
    sleep 0.5
done
curl -fsS -o /dev/null "$BASE/q/health/ready" || die "the service was not ready after 120 s"

# A statistics reader of the bench's own (the API's key format; only the secret's SHA-256 is stored).
READER=00000000-0000-4000-8000-0000000000b5
KEY_ID=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
psql_val "INSERT INTO api_client (id, name, organisation, roles, scopes, plan, status)
          VALUES ('$READER', 'Bench statistics reader', 'ePermit bench', '{vendor}', '{stats:read}', 'partner', 'ACTIVE')
          ON CONFLICT (id) DO NOTHING;
          UPDATE api_key SET revoked_at = now() WHERE client_id = '$READER' AND revoked_at IS NULL;
          INSERT INTO api_key (id, client_id, secret_sha256) VALUES ('$KEY_ID', '$READER', sha256(convert_to('$SECRET', 'UTF8')))" >/dev/null
KEY="epk_${KEY_ID}_$SECRET"
[[ $(curl -sS -o /dev/null -w '%{http_code}' -H "X-API-Key: $KEY" "$BASE/v1/me") == 200 ]] || die "the reader's key does not work"

log "measuring ($WARMUP warm-up and $REQUESTS measured requests per call, $PLAIN_RUNS runs of each plain GROUP BY)"
set +e
java $JAVA_OPTS -cp "$LIB/*" "$BENCH_DIR/StatsBench.java" --base "$BASE" --key "$KEY" \
    --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" --warmup "$WARMUP" --requests "$REQUESTS" \
    --plain-runs "$PLAIN_RUNS" >"$WORK/bench.out" 2>"$WORK/bench.err"
BENCH_RC=$?
set -e
cat "$WORK/bench.err" >&2

{
    echo "# Statistics benchmark, $STAMP"
    echo
    echo "- command: \`$COMMAND\`; commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO_DIR" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM; load average at start $LOADAVG_START; PostgreSQL $PG_VERSION at $PGHOST:$PGPORT (database $DB); $(java -version 2>&1 | head -n 1)"
    echo "- data: $PERMITS_IN_DB permits, $REPORTS_IN_DB execution reports; $LOAD_NOTE"
    echo "- API: every call warmed up ($WARMUP requests each), then per call $WARMUP more warm-up and $REQUESTS sequential requests over one connection (p50/p95 of the whole HTTP exchange, client side);"
    echo "  plain GROUP BY: the statements over permit / execution_report / execution_report_emission that compute the same"
    echo "  answer (for permit counts, with the renewal pipeline's statement), run $PLAIN_RUNS times on one JDBC connection, median"
    echo "- ratio = plain GROUP BY time / API time; 'agree': the API's figures equal the plain statements' (every group and measure)"
    echo
    cat "$WORK/bench.out"
} >"$REPORT"
log "report written to $REPORT"
((BENCH_RC == 0)) || die "the benchmark failed (exit $BENCH_RC): see $REPORT and $WORK"
