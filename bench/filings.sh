#!/usr/bin/env bash
# Filing benchmark: execution report submission (and the validate-only call) at 16 concurrent clients, and
# monitoring-record ingestion (JSON, CSV, HJ 212 batches of 5,000 records) at 4 concurrent clients against the rate
# PostgreSQL's COPY loads the same number of rows into the same table (monitoring_record) in the same run. Loads the
# demo data set into its own database on the given PostgreSQL, starts the service against it, runs bench/FilingLoad.java
# and writes bench/results/filings-<UTC timestamp>.md. See bench/README.md ("Filings").
#
# Only loopback addresses are used; everything it starts it stops.
set -Eeuo pipefail
export LC_ALL=C.UTF-8

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)

PERMITS=${PERMITS:-20000}
DB=${DB:-epermit_bench_filings}
PORT=${PORT:-18092}
JAR=${JAR:-$REPO_DIR/api/target/quarkus-app/quarkus-run.jar}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-30}
ROUNDS=${ROUNDS:-3}
REPORT_CLIENTS=${REPORT_CLIENTS:-16}
INGEST_CLIENTS=${INGEST_CLIENTS:-4}
BATCH=${BATCH:-5000}
FORMATS=${FORMATS:-json csv hj212}
YEARS=${YEARS:-2019-2026}
REPORTS=${REPORTS:-}               # bodies to prepare; default: enough for 300 reports/s over warm-up and rounds
REUSE=${REUSE:-0}
DROP_AFTER=${DROP_AFTER:-0}
JAVA_OPTS=${JAVA_OPTS:-}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
KEEP_WORK=${KEEP_WORK:-0}
PGHOST=127.0.0.1
SCRATCH_COMMENT='scratch database of bench/filings.sh'
COMMAND="bench/filings.sh $*"

usage() {
    cat <<EOF
Usage: bench/filings.sh [options]

  --permits N         demo permits to load (default 20000; env PERMITS)
  --db NAME           database on 127.0.0.1:$PGPORT (default epermit_bench_filings; env DB)
  --port P            HTTP port of the service on 127.0.0.1 (default 18092; env PORT)
  --warmup S          warm-up seconds per measurement, discarded (default 20; env WARMUP)
  --duration S        seconds per measured round (default 30; env DURATION)
  --rounds N          rounds; the report gives the median (default 3; env ROUNDS)
  --reports N         report bodies to prepare (default: 300/s over warm-up and rounds; env REPORTS)
  --formats "LIST"    ingestion formats (default "json csv hj212"; env FORMATS)
  --reuse             keep an already-loaded database (env REUSE=1); reports already filed occupy their periods
  --drop              drop the database at the end (env DROP_AFTER=1)
  --jar PATH          the service (default api/target/quarkus-app/quarkus-run.jar; env JAR)
  -h, --help          this text

Other environment: REPORT_CLIENTS (16), INGEST_CLIENTS (4), BATCH (5000), YEARS (2019-2026: the years whose due or
overdue reports are prepared), JAVA_OPTS, PGPORT, PGUSER, RESULTS_DIR, KEEP_WORK=1.
EOF
}

while (($#)); do
    case $1 in
        --permits) PERMITS=${2:?}; shift 2 ;;
        --db) DB=${2:?}; shift 2 ;;
        --port) PORT=${2:?}; shift 2 ;;
        --warmup) WARMUP=${2:?}; shift 2 ;;
        --duration) DURATION=${2:?}; shift 2 ;;
        --rounds) ROUNDS=${2:?}; shift 2 ;;
        --reports) REPORTS=${2:?}; shift 2 ;;
        --formats) FORMATS=${2:?}; shift 2 ;;
        --reuse) REUSE=1; shift ;;
        --drop) DROP_AFTER=1; shift ;;
        --jar) JAR=${2:?}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

die() { echo "ERROR: $*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
WARNINGS=()
warn() { echo "WARNING: $*" >&2; WARNINGS+=("$*"); }
int_in() { [[ $2 =~ ^[0-9]+$ ]] && (($2 >= $3 && $2 <= $4)) || die "$1 must be a whole number from $3 to $4, got '$2'"; }
int_in permits "$PERMITS" 1 99999999
int_in port "$PORT" 1024 65535
int_in warmup "$WARMUP" 0 3600
int_in duration "$DURATION" 1 3600
int_in rounds "$ROUNDS" 1 15
[[ $DB =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "database name must match [a-z_][a-z0-9_]*, got '$DB'"
case $DB in postgres | template0 | template1) die "refusing to use the database '$DB'" ;; esac
[[ -z $REPORTS ]] && REPORTS=$((300 * (WARMUP + ROUNDS * DURATION)))
for f in $FORMATS; do [[ $f =~ ^(json|csv|hj212)$ ]] || die "unknown format '$f' (json, csv, hj212)"; done
for tool in psql curl java jq awk sort; do command -v $tool >/dev/null || die "$tool is required"; done
[[ -f $JAR ]] || die "no service at $JAR: build it first (./mvnw -B -ntp -o -pl api -am package -DskipTests)"

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER")
psql_val() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }
psql_admin() { "${PSQL[@]}" -d postgres -At -c "$1"; }
"${PSQL[@]}" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER"
PG_VERSION=$(psql_admin 'SHOW server_version')
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$PORT" && die "something already listens on 127.0.0.1:$PORT: choose another --port"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS_DIR"
REPORT=$RESULTS_DIR/filings-$STAMP.md
WORK=$(mktemp -d "${TMPDIR:-/tmp}/filings.XXXXXX")
SERVICE_PID=
CHILD_PID=
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
    stop_pid "$CHILD_PID" 5
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
run_child() { "$@" & CHILD_PID=$!; local rc=0; wait "$CHILD_PID" || rc=$?; CHILD_PID=; return "$rc"; }

CPUS=$(nproc)
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOADAVG_START%% *}" -v c="$CPUS" 'BEGIN { exit !(l > c / 2) }'; then
    warn "load average at start is $LOADAVG_START on $CPUS CPUs: other work is running, the numbers will be low and noisy"
fi

# ---------------------------------------------------------------------------------------------------------------
# Database: create and load (or reuse)
# ---------------------------------------------------------------------------------------------------------------
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_USERNAME=$PGUSER
export QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-}

# The demo's own execution reports and monitoring data would occupy the periods and hours the bench files.
# shellcheck source=demo-options.sh
. "$BENCH_DIR/demo-options.sh"

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
    log "load-demo $PERMITS into $DB"
    start_ns=$(date +%s%N)
    run_child java $JAVA_OPTS "${DEMO_OPTS[@]}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -jar "$JAR" load-demo "$PERMITS" \
        >"$WORK/load.log" 2>&1 || { tail -n 40 "$WORK/load.log" >&2; die "load-demo failed; log in $WORK/load.log"; }
    LOAD_NOTE="load-demo $PERMITS: $(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s wall clock"
else
    run_child java $JAVA_OPTS "${DEMO_OPTS[@]}" -jar "$JAR" load-demo "$PERMITS" >"$WORK/migrate.log" 2>&1 \
        || { tail -n 40 "$WORK/migrate.log" >&2; die "migrating $DB failed"; }
fi
"${PSQL[@]}" -d "$DB" -c 'VACUUM (ANALYZE)' >/dev/null
PERMITS_IN_DB=$(permit_count)

# ---------------------------------------------------------------------------------------------------------------
# The service, and a caller that may file for every permit
# ---------------------------------------------------------------------------------------------------------------
UNLIMITED=(-Depermit.permit-lifecycle.job.enabled=false)
for plan in free standard partner; do
    UNLIMITED+=("-Depermit.rate-limit.plans.$plan.requests-per-second=10000000" "-Depermit.rate-limit.plans.$plan.burst=10000000"
        "-Depermit.rate-limit.plans.$plan.daily-quota=100000000000")
done
BASE="http://127.0.0.1:$PORT"
log "starting the service on $BASE"
java $JAVA_OPTS "${DEMO_OPTS[@]}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dquarkus.management.port=0 "${UNLIMITED[@]}" \
    -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null --max-time 2 "$BASE/q/health/ready" 2>/dev/null && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -n 40 "$WORK/service.log" >&2; die "the service stopped"; }
    sleep 0.5
done
curl -fsS -o /dev/null "$BASE/q/health/ready" || die "the service was not ready after 120 s"

# The service issues demo keys only on its embedded database, so the bench registers an administrator of its own
# (the API's key format; only the secret's SHA-256 stored), which creates the filer through the API: an admin may use
# every permit (PermitAccess), but filings:write must be on its key.
ADMIN=00000000-0000-4000-8000-0000000000af
KEY_ID=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
psql_val "INSERT INTO api_client (id, name, organisation, roles, scopes, plan, status)
          VALUES ('$ADMIN', 'Bench admin (filings)', 'ePermit bench', '{admin}', '{admin}', 'partner', 'ACTIVE')
          ON CONFLICT (id) DO NOTHING;
          UPDATE api_key SET revoked_at = now() WHERE client_id = '$ADMIN' AND revoked_at IS NULL;
          INSERT INTO api_key (id, client_id, secret_sha256) VALUES ('$KEY_ID', '$ADMIN', sha256(convert_to('$SECRET', 'UTF8')))" >/dev/null
ADMIN_KEY="epk_${KEY_ID}_$SECRET"
FILER_KEY=$(curl -fsS -X POST -H "X-API-Key: $ADMIN_KEY" -H 'Content-Type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -d '{"name":"Bench filer","organisation":"ePermit bench","roles":["admin"],"scopes":["admin","filings:write","permits:read"],"plan":"partner"}' \
    "$BASE/v1/admin/clients" | jq -r .apiKey) || die "POST /v1/admin/clients failed"
[[ $(curl -sS -o /dev/null -w '%{http_code}' -H "X-API-Key: $FILER_KEY" "$BASE/v1/me") == 200 ]] || die "the filer's key does not work"

LOAD=(java $JAVA_OPTS "$BENCH_DIR/FilingLoad.java")
results() { grep '^RESULT' "$1" | grep "$2" || true; }
field() { sed -nE "s/.* $1=([^ ]*).*/\1/p"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (!NR) print "n/a"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# ---------------------------------------------------------------------------------------------------------------
# Execution reports: prepare distinct (permit, period) bodies, then validate-only, then submit
# ---------------------------------------------------------------------------------------------------------------
psql_val "SELECT p.permit_number FROM permit p WHERE EXISTS (SELECT 1 FROM permit_report_obligation o WHERE o.permit_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM execution_report r WHERE r.permit_id = p.id) ORDER BY p.id" >"$WORK/report-permits.txt" 2>/dev/null \
    || psql_val "SELECT p.permit_number FROM permit p WHERE EXISTS (SELECT 1 FROM permit_report_obligation o WHERE o.permit_id = p.id) ORDER BY p.id" >"$WORK/report-permits.txt"
log "preparing $REPORTS report bodies from the blank reports of $(wc -l <"$WORK/report-permits.txt") permits"
run_child "${LOAD[@]}" prepare-reports --base "$BASE" --key "$FILER_KEY" --permits "$WORK/report-permits.txt" --count "$REPORTS" \
    --clients "$REPORT_CLIENTS" --years "$YEARS" --out "$WORK/bodies.tsv" >"$WORK/prepare.out" 2> >(tee "$WORK/prepare.err" >&2)
PREPARE_LINE=$(results "$WORK/prepare.out" prepared=)
log "$PREPARE_LINE"
PREPARED=$(field prepared <<<"$PREPARE_LINE")
((PREPARED > 0)) || die "no report body could be prepared (see $WORK/prepare.err)"
((PREPARED < REPORTS)) && warn "only $PREPARED of $REPORTS report bodies could be prepared: submission rounds may end early (load more permits)"
for mode in validate submit; do
    log "reports: $mode, $REPORT_CLIENTS clients, ${WARMUP}s warm-up + $ROUNDS x ${DURATION}s"
    run_child "${LOAD[@]}" reports --base "$BASE" --key "$FILER_KEY" --bodies "$WORK/bodies.tsv" --mode "$mode" --clients "$REPORT_CLIENTS" \
        --warmup "$WARMUP" --duration "$DURATION" --rounds "$ROUNDS" >"$WORK/reports-$mode.out" 2> >(tee "$WORK/reports-$mode.err" >&2)
    results "$WORK/reports-$mode.out" 'phase=measured' >&2
done

# ---------------------------------------------------------------------------------------------------------------
# Monitoring ingestion, and COPY of as many rows in each round
# ---------------------------------------------------------------------------------------------------------------
psql_val "SELECT p.permit_number || E'\t' || p.id || E'\t' || p.version || E'\t' || v.effective_from || E'\t' || o.code || E'\t'
                 || op.pollutant_code || E'\t' || coalesce(op.limit_unit, pl.unit) || E'\t' || coalesce(op.limit_value::text, '')
          FROM permit p
          JOIN permit_version v ON v.permit_id = p.id AND v.effective_to IS NULL
          JOIN permit_outlet o ON o.permit_id = p.id
          JOIN permit_outlet_pollutant op ON op.outlet_id = o.id
          JOIN pollutant pl ON pl.code = op.pollutant_code
          WHERE p.status = 'VALID' AND v.effective_from < current_date - 60
          ORDER BY p.id, o.code, op.pollutant_code" >"$WORK/series.tsv"
INGEST_PERMITS=$(cut -f1 "$WORK/series.tsv" | sort -u | wc -l)
SERIES=$(wc -l <"$WORK/series.tsv")
COPY_COLUMNS='permit_id, permit_version, outlet_code, pollutant_code, kind, averaging, measured_from, measured_to, value, unit, flag, exceedance, limit_min, limit_max, received_at, batch_id, source, device_mn'
declare -A RATE P50 P99 ROUND_ROWS SKIPPED
COPY_RATES=
COPY_ROWS=
for r in $(seq 1 "$ROUNDS"); do
    for f in $FORMATS; do
        w=0; ((r == 1)) && w=$WARMUP
        log "ingestion: $f round $r"
        run_child "${LOAD[@]}" ingest --base "$BASE" --key "$FILER_KEY" --series "$WORK/series.tsv" --state "$WORK/cursors.tsv" \
            --format "$f" --clients "$INGEST_CLIENTS" --batch "$BATCH" --warmup "$w" --duration "$DURATION" --rounds 1 \
            >"$WORK/ingest-$f-$r.out" 2> >(tee -a "$WORK/ingest.err" >&2)
        line=$(results "$WORK/ingest-$f-$r.out" 'skipped=')
        if [[ -n $line ]]; then SKIPPED[$f]=$line; log "$f skipped: the service answers 415 to text/plain"; continue; fi
        line=$(results "$WORK/ingest-$f-$r.out" 'phase=measured')
        log "$line"
        RATE[$f]+="$(field records_per_s <<<"$line") "
        P50[$f]+="$(field batch_p50_ms <<<"$line") "
        P99[$f]+="$(field batch_p99_ms <<<"$line") "
        ROUND_ROWS[$f]+="$(field inserted <<<"$line") "
        echo "| $r | $f | $(field inserted <<<"$line") | $(field seconds <<<"$line") | $(field records_per_s <<<"$line") | $(field batch_p50_ms <<<"$line") | $(field batch_p99_ms <<<"$line") | $(field statuses <<<"$line") |" >>"$WORK/ingest-rounds.md"
    done
    # COPY the number of rows the round's first measured format stored, at other permit ids (never the API's keys)
    first=${FORMATS%% *}
    rows=$(awk '{print $NF}' <<<"${ROUND_ROWS[$first]:-}")
    [[ -n $rows && $rows -gt 0 ]] || rows=$((BATCH * 100))
    run_child "${LOAD[@]}" copy-rows --series "$WORK/series.tsv" --rows "$rows" --permit-offset $((r * 1000000000)) --batch "$BATCH" \
        --out "$WORK/copy.csv" >/dev/null
    start_ns=$(date +%s%N)
    "${PSQL[@]}" -d "$DB" -c "\\copy monitoring_record ($COPY_COLUMNS) FROM '$WORK/copy.csv' WITH (FORMAT csv)" >/dev/null
    end_ns=$(date +%s%N)
    rate=$(awk -v n="$rows" -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.1f", n / ((b - a) / 1e9) }')
    log "COPY round $r: $rows rows, $rate rows/s"
    COPY_RATES+="$rate "
    COPY_ROWS+="$rows "
    echo "| $r | COPY (psql \\copy, one stream) | $rows | $(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') | $rate | | | |" >>"$WORK/ingest-rounds.md"
    rm -f "$WORK/copy.csv"
done
psql_val "DELETE FROM monitoring_record WHERE permit_id >= 1000000000" >/dev/null   # the COPY rows are the bench's, not data

# ---------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------
LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)
COPY_MEDIAN=$(median <<<"$COPY_RATES")
judge() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { if (v == "n/a") print "n/a"; else if ((dir == "min" && v >= t) || (dir == "max" && v < t)) print "MET"; else print "MISSED" }'; }
{
    echo "# Filings: report submission and monitoring ingestion — $STAMP"
    echo
    echo "Command: \`$COMMAND\`"
    echo
    echo "- Commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown); $CPUS CPUs, $(awk '/MemTotal/ {printf "%d GB", $2 / 1048576}' /proc/meminfo) RAM; load average $LOADAVG_START at start, $LOADAVG_END at end"
    echo "- PostgreSQL $PG_VERSION at $PGHOST:$PGPORT, database $DB; $(java -version 2>&1 | head -n 1); service $JAR"
    echo "- Data: $PERMITS_IN_DB demo permits ($LOAD_NOTE); $DEMO_OPTS_NOTE"
    echo "- ${WARMUP} s warm-up, then $ROUNDS round(s) of ${DURATION} s; medians below. Rate limits raised far above the load (every request still takes a token)."
    echo "- Caller: a client created by the bench's administrator through POST /v1/admin/clients with roles [admin] and scopes [admin, filings:write, permits:read] (an administrator may use every permit)."
    echo
    echo "## Execution reports ($REPORT_CLIENTS concurrent clients)"
    echo
    echo "Prepared: $PREPARE_LINE"
    echo
    echo "| call | reports/s | p50 ms | p95 ms | p99 ms |"
    echo "|---|---:|---:|---:|---:|"
    for mode in submit validate; do
        out=$WORK/reports-$mode.out
        m=$(results "$out" 'phase=measured')
        name="POST …/execution-reports (Idempotency-Key each)"; [[ $mode == validate ]] && name="POST …/execution-reports/validation"
        echo "| $name | $(field rps <<<"$m" | tr '\n' ' ' | median) | $(field p50_ms <<<"$m" | tr '\n' ' ' | median) | $(field p95_ms <<<"$m" | tr '\n' ' ' | median) | $(field p99_ms <<<"$m" | tr '\n' ' ' | median) |"
    done
    SUB_RPS=$(results "$WORK/reports-submit.out" 'phase=measured' | field rps | tr '\n' ' ' | median)
    SUB_P99=$(results "$WORK/reports-submit.out" 'phase=measured' | field p99_ms | tr '\n' ' ' | median)
    echo
    echo "- Submission: $SUB_RPS reports/s (target >= 200: $(judge "$SUB_RPS" 200 min)); p99 $SUB_P99 ms (target < 200 ms: $(judge "$SUB_P99" 200 max))"
    echo "- Each submission is a distinct (permit, type, period) prepared from GET …/execution-reports/blank (tonnes half the licensed quantity, performed = required samples, statements true, a signatory, acknowledgements of what …/validation listed in explanationsRequired); validation cycles over the same bodies before any is submitted. Latencies are of 2xx answers; every status is counted below."
    echo
    echo "## Monitoring ingestion ($INGEST_CLIENTS concurrent clients, batches of $BATCH records)"
    echo
    echo "$INGEST_PERMITS permits with $SERIES monitored (outlet, pollutant) series; every record an hourly mean (AUTOMATIC, HOURLY, VALID) of a distinct hour, each client its own permits: nothing is a duplicate."
    echo
    echo "| format | records/s | batch p50 ms | batch p99 ms | ratio to COPY |"
    echo "|---|---:|---:|---:|---:|"
    for f in $FORMATS; do
        if [[ -n ${SKIPPED[$f]:-} ]]; then echo "| $f | skipped: the service answers 415 to text/plain (HJ 212 batches not in this build) | | | |"; continue; fi
        rate=$(median <<<"${RATE[$f]:-}")
        echo "| $f | $rate | $(median <<<"${P50[$f]:-}") | $(median <<<"${P99[$f]:-}") | $(awk -v a="$rate" -v b="$COPY_MEDIAN" 'BEGIN { if (a == "n/a" || b == 0) print "n/a"; else printf "%.2f", a / b }') |"
    done
    echo "| COPY into monitoring_record (psql \\copy, one stream; rows per round: $COPY_ROWS) | $COPY_MEDIAN | | | 1.00 |"
    if [[ -n ${RATE[json]:-} ]]; then
        jr=$(median <<<"${RATE[json]}")
        echo
        echo "- JSON: $jr records/s (target >= 20000: $(judge "$jr" 20000 min)); $(awk -v a="$jr" -v b="$COPY_MEDIAN" 'BEGIN { printf "%.2f", a / b }') of COPY (target >= 0.30: $(judge "$(awk -v a="$jr" -v b="$COPY_MEDIAN" 'BEGIN { printf "%.4f", a / b }')" 0.30 min))"
    fi
    echo "- COPY loads, in each round, as many rows as that round's first format stored, generated the same way (same series, hours, values) at permit ids offset by round × 10^9, so no key meets the API's; the rows are deleted at the end. Its time is psql's wall clock (connection included)."
    echo
    echo "## Every round"
    echo
    echo "| round | call | ok | seconds | rate/s | p50 ms | p95 ms | p99 ms | statuses |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---|"
    for mode in validate submit; do
        results "$WORK/reports-$mode.out" 'phase=' | while read -r l; do
            echo "| $(field round <<<"$l") | $mode ($(field phase <<<"$l")) | $(field ok <<<"$l") | $(field seconds <<<"$l") | $(field rps <<<"$l") | $(field p50_ms <<<"$l") | $(field p95_ms <<<"$l") | $(field p99_ms <<<"$l") | $(field statuses <<<"$l") |"
        done
    done
    echo
    echo "| round | ingestion | records stored | seconds | records/s | batch p50 ms | batch p99 ms | statuses |"
    echo "|---:|---|---:|---:|---:|---:|---:|---|"
    cat "$WORK/ingest-rounds.md" 2>/dev/null || true
    if ((${#WARNINGS[@]})); then
        echo
        echo "## Warnings"
        echo
        for w in "${WARNINGS[@]}"; do echo "- $w"; done
    fi
} >"$REPORT"
cat "$REPORT"
log "written to $REPORT"
