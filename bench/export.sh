#!/usr/bin/env bash
# Bulk-export benchmark: loads PERMITS demo permits (permits only) into a scratch database, starts the packaged
# service with a small heap, exports every permit as NDJSON and as CSV with curl, and reports rows/s, bytes and the
# service's peak heap and direct-buffer use (sampled every 200 ms from /q/metrics). Writes
# bench/results/export-<UTC timestamp>.md. See docs/bulk-export.md and docs/performance.md.
#
# Usage: PERMITS=1000000 HEAP=64m bench/export.sh        (REUSE=1 keeps an already loaded database)
#
# Only loopback addresses are used: PostgreSQL at 127.0.0.1, the service bound to 127.0.0.1.
set -Eeuo pipefail
export LC_ALL=C.UTF-8

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
PERMITS=${PERMITS:-1000000}
DB=${DB:-epermit_export_bench}
HEAP=${HEAP:-64m}
PORT=${PORT:-18091}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19091}
REUSE=${REUSE:-0}
JAR=${JAR:-$REPO_DIR/api/target/quarkus-app/quarkus-run.jar}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
PGHOST=127.0.0.1
WORK=$(mktemp -d)
SERVICE_PID=
SAMPLER_PID=

log() { printf '[export-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() {
    [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
    [[ -n $SERVICE_PID ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f $JAR ]] || { echo "package the service first: ./mvnw -pl api -am package -DskipTests" >&2; exit 1; }
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-}
export EPERMIT_PAGING_CURSOR_SECRET=export-bench-cursor-secret-0123456789abcdef0123
export EPERMIT_DEMO_ENABLED=false
# one anonymous caller exports the whole set twice: lift its daily allowance for the run
export EPERMIT_RATE_LIMIT_ANONYMOUS_DAILY_EXPORT_ROWS=$((PERMITS * 10))
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -qtA)

loaded=$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" || true)
if [[ $REUSE == 1 && $loaded == 1 ]]; then
    log "reusing $DB"
else
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c \
        "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
    log "loading $PERMITS permits (permits only)"
    start=$(date +%s)
    java -Depermit.demo.report-years=0 -Depermit.demo.monitoring-permits=0 -Dquarkus.http.host=127.0.0.1 \
        -Dquarkus.http.port=0 -jar "$JAR" load-demo "$PERMITS" >"$WORK/load.log" 2>&1
    log "loaded in $(($(date +%s) - start)) s"
fi
rows=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM permit")

log "starting the service with -Xmx$HEAP"
java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.port="$MANAGEMENT_PORT" -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
done

sample() {
    while kill -0 "$SERVICE_PID" 2>/dev/null; do
        curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk '
            /^jvm_memory_used_bytes\{area="heap"/ {h += $NF}
            /^jvm_buffer_memory_used_bytes\{id="direct"/ {d += $NF}
            END {printf "%d %d\n", h, d}' >>"$WORK/samples"
        sleep 0.2
    done
}
: >"$WORK/samples"
sample &
SAMPLER_PID=$!

run() { # format
    local out
    out=$(curl -s -o "$WORK/body.$1" -w '%{http_code} %{size_download} %{time_total}' \
        "http://127.0.0.1:$PORT/v1/public/permits/export?format=$1")
    read -r code bytes seconds <<<"$out"
    [[ $code == 200 ]] || { log "$1 export answered $code"; exit 1; }
    local got
    if [[ $1 == ndjson ]]; then
        got=$(($(wc -l <"$WORK/body.$1") - 1))
        tail -n 1 "$WORK/body.$1" | grep -q '"end":true,"rows":'"$rows"',"complete":true' \
            || { log "ndjson end line missing or wrong"; exit 1; }
    else
        got=$(($(wc -l <"$WORK/body.$1") - 1)) # demo names hold no line ends
    fi
    rm -f "$WORK/body.$1"
    [[ $got == "$rows" ]] || { log "$1: $got rows of $rows"; exit 1; }
    printf '| %s | %s | %s | %.1f | %s |\n' "$1" "$rows" "$bytes" "$seconds" "$(awk -v r="$rows" -v s="$seconds" 'BEGIN{printf "%d", r/s}')"
}
log "exporting"
table=$(run ndjson; run csv)
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
read -r peak_heap peak_direct < <(awk 'BEGIN{h=0;d=0} {if ($1>h) h=$1; if ($2>d) d=$2} END {print h, d}' "$WORK/samples")

mkdir -p "$RESULTS_DIR"
report="$RESULTS_DIR/export-$(date -u +%Y%m%dT%H%M%SZ).md"
{
    echo "# Bulk export, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "$rows permits; service -Xmx$HEAP; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
    echo
    echo "| format | rows | bytes | seconds | rows/s |"
    echo "|---|---|---|---|---|"
    echo "$table"
    echo
    echo "Peak heap used $((peak_heap / 1048576)) MiB, peak direct buffers $((peak_direct / 1048576)) MiB (sampled every 200 ms)."
} | tee "$report"
log "report: $report"
