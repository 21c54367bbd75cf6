#!/usr/bin/env bash
# Read-path benchmark: the public permit lookup and a filtered search page, through the API (wrk) and as the same
# SQL straight against PostgreSQL (pgbench, the database's own ceiling for that statement). Also loads the demo
# data set and times the load, EXPLAINs every query path at that size, and writes a Markdown report to
# bench/results/read-paths-<UTC timestamp>.md. See bench/README.md.
#
# Usage: bench/read-paths.sh [options]        (bench/read-paths.sh --help for the list)
#
# Only loopback addresses are used: PostgreSQL at 127.0.0.1, the service bound to 127.0.0.1.
set -Eeuo pipefail
export LC_ALL=C.UTF-8   # character-wise string handling (Chinese substrings) and byte-stable sort/awk

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)

# ---------------------------------------------------------------------------------------------------------------
# Options: environment variables, overridden by flags
# ---------------------------------------------------------------------------------------------------------------
PERMITS=${PERMITS:-1000000}
DB=${DB:-epermit_bench}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-30}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18090}
BARE_PORT=${BARE_PORT:-}
REUSE=${REUSE:-0}
DROP_AFTER=${DROP_AFTER:-0}
SEARCH_QUERY=${SEARCH_QUERY:-region=44&category=KEY&status=VALID&limit=20}
SAMPLE_KEYS=${SAMPLE_KEYS:-10000}
THREADS=${THREADS:-}
JAR=${JAR:-$REPO_DIR/api/target/bench-floor-app/quarkus-run.jar}
OLD_JAR=${OLD_JAR:-}
CEILING_CLIENTS=${CEILING_CLIENTS:-4 8 32}
JAVA_OPTS=${JAVA_OPTS:-}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
FIXED_KEY=${FIXED_KEY:-}
KEEP_WORK=${KEEP_WORK:-0}
BUFFER_WARN=${BUFFER_WARN:-10000}
PGHOST=127.0.0.1          # never configurable: loopback only
SCRATCH_COMMENT='scratch database of bench/read-paths.sh'

usage() {
    cat <<EOF
Usage: bench/read-paths.sh [options]

  --permits N        permits to load (default 1000000; env PERMITS)
  --db NAME          database on 127.0.0.1:$PGPORT (default epermit_bench; env DB)
  --connections N    wrk and pgbench connections (default 32; env CONNECTIONS)
  --warmup S         warm-up seconds, results discarded (default 30; env WARMUP)
  --duration S       seconds per measured run (default 30; env DURATION)
  --rounds N         rounds; the report gives the median (default 3; env ROUNDS)
  --port P           HTTP port of the service on 127.0.0.1 (default 18090; env PORT)
  --reuse            keep an already-loaded database instead of recreating it (env REUSE=1)
  --drop             drop the database at the end (default: keep it for a later --reuse; env DROP_AFTER=1)
  --search QUERY     the search page to measure (default '$SEARCH_QUERY'; env SEARCH_QUERY);
                     keys q, region, industry, category, status, expiringBefore, limit
  --threads N        wrk threads and pgbench -j (default: number of CPUs, at most the connections; env THREADS)
  --jar PATH         the service, built with its HTTP floor (default api/target/bench-floor-app/quarkus-run.jar,
                     from: ./mvnw -pl api -am package -DskipTests -Depermit.bench.http-floor=true
                     -Dquarkus.package.output-directory=bench-floor-app; env JAR)
  --old-jar PATH     an earlier build to measure its lookup in the same run, on the same database, without
                     migrating it (env OLD_JAR); its lookup must still work on this schema
  -h, --help         this text

Other environment: JAVA_OPTS (extra JVM options for the service, e.g. -Xmx1g), FIXED_KEY (the permit number of the
fixed-key runs; default: the permit in the middle of the id range), SAMPLE_KEYS (random-key sample size, default
10000), Q1 / Q2 / Q4 / Q_COMMON (the Chinese substrings EXPLAINed; default: from the fixed permit's enterprise name,
and 公), BUFFER_WARN (flag a plan touching more buffers than this, default 10000), PGPORT, PGUSER (default
postgres), RESULTS_DIR, KEEP_WORK=1 (keep the scratch directory with raw logs).
EOF
}

while (($#)); do
    case $1 in
        --permits) PERMITS=${2:?}; shift 2 ;;
        --db) DB=${2:?}; shift 2 ;;
        --connections) CONNECTIONS=${2:?}; shift 2 ;;
        --warmup) WARMUP=${2:?}; shift 2 ;;
        --duration) DURATION=${2:?}; shift 2 ;;
        --rounds) ROUNDS=${2:?}; shift 2 ;;
        --port) PORT=${2:?}; shift 2 ;;
        --reuse) REUSE=1; shift ;;
        --drop) DROP_AFTER=1; shift ;;
        --search) SEARCH_QUERY=${2:?}; shift 2 ;;
        --threads) THREADS=${2:?}; shift 2 ;;
        --jar) JAR=${2:?}; shift 2 ;;
        --old-jar) OLD_JAR=${2:?}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

die() { echo "ERROR: $*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
warn() { echo "WARNING: $*" >&2; WARNINGS+=("$*"); }
WARNINGS=()

int_in() { # name value min max
    [[ $2 =~ ^[0-9]+$ ]] && (($2 >= $3 && $2 <= $4)) || die "$1 must be a whole number from $3 to $4, got '$2'"
}
int_in permits "$PERMITS" 1 99999999
int_in connections "$CONNECTIONS" 1 500
int_in warmup "$WARMUP" 0 3600
int_in duration "$DURATION" 1 3600
int_in rounds "$ROUNDS" 1 15
int_in port "$PORT" 1024 65535
BARE_PORT=${BARE_PORT:-$((PORT + 1))}
OLD_PORT=${OLD_PORT:-$((PORT + 2))}
int_in bare-port "$BARE_PORT" 1024 65535
int_in pgport "$PGPORT" 1 65535
int_in sample-keys "$SAMPLE_KEYS" 1 1000000
int_in buffer-warn "$BUFFER_WARN" 1 1000000000
[[ $DB =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "database name must match [a-z_][a-z0-9_]*, got '$DB'"
case $DB in postgres | template0 | template1) die "refusing to use the database '$DB'" ;; esac
[[ -z $FIXED_KEY || $FIXED_KEY =~ ^[0-9A-Z]{22}$ ]] || die "FIXED_KEY must be a 22-character permit number"
CPUS=$(nproc)
if [[ -z $THREADS ]]; then THREADS=$((CPUS < CONNECTIONS ? CPUS : CONNECTIONS)); fi
int_in threads "$THREADS" 1 "$CONNECTIONS"

# ---------------------------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------------------------
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo -n "$@"; fi; }
if ! command -v wrk >/dev/null; then
    log "installing wrk (Debian package)"
    as_root apt-get install -y -q wrk >/dev/null || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q wrk >/dev/null; } \
        || die "could not install wrk"
fi
PGBENCH=${PGBENCH:-$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -n 1 || true)}
[[ -n $PGBENCH && -x $PGBENCH ]] || PGBENCH=$(command -v pgbench || true)
[[ -n $PGBENCH && -x $PGBENCH ]] || die "pgbench not found (it ships with the PostgreSQL server package: /usr/lib/postgresql/*/bin/pgbench)"
for tool in psql curl java awk sort od; do command -v $tool >/dev/null || die "$tool is required"; done
[[ -f $JAR ]] || die "no service at $JAR: build it first (./mvnw -q package -DskipTests)"

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER")
psql_db() { "${PSQL[@]}" -d "$DB" "$@"; }
psql_val() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }           # one value from the bench database
psql_admin() { "${PSQL[@]}" -d postgres -At -c "$1"; }
"${PSQL[@]}" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER"
PG_VERSION=$(psql_admin 'SHOW server_version')

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$PORT" && die "something already listens on 127.0.0.1:$PORT: choose another --port"
port_in_use "$BARE_PORT" && die "something already listens on 127.0.0.1:$BARE_PORT: choose another BARE_PORT"

# ---------------------------------------------------------------------------------------------------------------
# Scratch directory, results file, and the clean-up that always runs
# ---------------------------------------------------------------------------------------------------------------
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS_DIR"
REPORT=$RESULTS_DIR/read-paths-$STAMP.md
WORK=$(mktemp -d "${TMPDIR:-/tmp}/read-paths.XXXXXX")
SERVICE_PID=
BARE_PID=
LOAD_PID=
CHILD_PID=
OLD_PID=

stop_pid() { # pid, seconds to wait after SIGTERM
    local pid=$1 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < $2 * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    stop_pid "$CHILD_PID" 5
    stop_pid "$LOAD_PID" 30
    stop_pid "$SERVICE_PID" 30
    stop_pid "$BARE_PID" 30
    stop_pid "$OLD_PID" 30
    if ((DROP_AFTER)) && [[ ${DB_OURS:-0} == 1 ]]; then
        log "dropping the database $DB"
        psql_admin "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || echo "WARNING: could not drop $DB" >&2
    fi
    if ((KEEP_WORK)) || ((rc != 0)); then
        echo "scratch files (logs) kept in $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Runs a command in the background and waits, so that an interrupt reaches the trap (which stops it).
run_child() {
    "$@" &
    CHILD_PID=$!
    local rc=0
    wait "$CHILD_PID" || rc=$?
    CHILD_PID=
    return "$rc"
}

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

db_exists() { [[ $(psql_admin "SELECT count(*) FROM pg_database WHERE datname = '$DB'") == 1 ]]; }
db_is_ours() {
    [[ $(psql_admin "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = '$DB'") == "$SCRATCH_COMMENT" ]]
}
permit_count() {
    if [[ $(psql_val "SELECT to_regclass('public.permit') IS NOT NULL") == t ]]; then psql_val 'SELECT count(*) FROM permit'; else echo 0; fi
}

DB_OURS=0
LOADED=0
LOAD_SECONDS=
LOADER_LINE=
if db_exists; then
    db_is_ours && DB_OURS=1
    existing=$(permit_count)
    if ((REUSE)) && ((existing > 0)); then
        log "reusing $DB with $existing permits (--reuse)"
    elif ((DB_OURS)); then
        log "dropping the previous $DB"
        psql_admin "DROP DATABASE $DB" >/dev/null
    elif ((existing == 0)) && ((REUSE)); then
        log "$DB exists and is empty: loading into it (--reuse)"
    else
        die "the database $DB exists and was not created by this script: use --reuse to measure it as it is, or choose another --db"
    fi
fi
if ! db_exists; then
    log "creating $DB (UTF8, C.UTF-8)"
    psql_admin "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'" >/dev/null
    psql_admin "COMMENT ON DATABASE $DB IS '$SCRATCH_COMMENT'" >/dev/null
    DB_OURS=1
fi
# The timed load is of permits only, as the < 10 min target is (docs/demo-data.md times the load with reports).
# shellcheck source=demo-options.sh
. "$BENCH_DIR/demo-options.sh"
if (($(permit_count) == 0)); then
    log "load-demo $PERMITS into $DB (migrations + COPY; this is the timed part)"
    start_ns=$(date +%s%N)
    java $JAVA_OPTS "${DEMO_OPTS[@]}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -jar "$JAR" load-demo "$PERMITS" >"$WORK/load.log" 2>&1 &
    LOAD_PID=$!
    rc=0
    wait "$LOAD_PID" || rc=$?
    LOAD_PID=
    end_ns=$(date +%s%N)
    if ((rc != 0)); then
        tail -n 40 "$WORK/load.log" >&2
        die "load-demo failed (exit $rc); full log in $WORK/load.log"
    fi
    LOAD_SECONDS=$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    LOADER_LINE=$(grep -o 'Demo data: loaded .*' "$WORK/load.log" | tail -n 1 || true)
    LOADED=1
    log "loaded in $LOAD_SECONDS s (${LOADER_LINE:-no loader line in the log})"
fi
if ((!LOADED)); then
    # A reused database may predate this build's migrations: load-demo applies them and, finding permits, loads none.
    log "applying this build's pending migrations to $DB (load-demo finds permits and loads nothing)"
    java $JAVA_OPTS "${DEMO_OPTS[@]}" -jar "$JAR" load-demo "$PERMITS" >"$WORK/migrate.log" 2>&1 || { tail -n 40 "$WORK/migrate.log" >&2; die "migrating $DB failed"; }
fi
PERMITS_IN_DB=$(permit_count)
ENTERPRISES_IN_DB=$(psql_val "SELECT count(*) FROM enterprise")
if ((PERMITS_IN_DB != PERMITS)); then
    if ((LOADED)); then
        warn "asked for $PERMITS permits, the database holds $PERMITS_IN_DB"
    else
        log "note: --permits $PERMITS, but the reused database holds $PERMITS_IN_DB: measuring those"
    fi
fi

# A fresh COPY leaves no visibility map and the loader's UPDATE leaves dead rows; vacuum now so that autovacuum
# does not start in the middle of a measurement.
log "VACUUM (ANALYZE)"
start_ns=$(date +%s%N)
psql_db -c 'VACUUM (ANALYZE)' >/dev/null
VACUUM_SECONDS=$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
DB_SIZE=$(psql_val "SELECT pg_size_pretty(pg_database_size(current_database()))")

# ---------------------------------------------------------------------------------------------------------------
# Sample keys: a fixed permit, a random sample (the same set for wrk and pgbench), a real enterprise
# ---------------------------------------------------------------------------------------------------------------
if [[ -z $FIXED_KEY ]]; then
    FIXED_KEY=$(psql_val "SELECT permit_number FROM permit WHERE id >= (SELECT (min(id) + max(id)) / 2 FROM permit) ORDER BY id LIMIT 1")
fi
[[ $(psql_val "SELECT count(*) FROM permit WHERE permit_number = '$FIXED_KEY'") == 1 ]] || die "no permit $FIXED_KEY"
log "sampling $SAMPLE_KEYS random permit numbers into bench.sample_key"
psql_db >/dev/null <<SQL
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
COMMENT ON SCHEMA bench IS 'sample keys of bench/read-paths.sh; not used by the service';
SELECT setseed(0.42);
CREATE TABLE bench.sample_key AS
    SELECT row_number() OVER ()::int AS k, permit_number
    FROM (SELECT permit_number FROM permit ORDER BY random() LIMIT $SAMPLE_KEYS) s;
ALTER TABLE bench.sample_key ADD PRIMARY KEY (k);
VACUUM ANALYZE bench.sample_key;
SQL
NKEYS=$(psql_val "SELECT count(*) FROM bench.sample_key")
psql_val "SELECT permit_number FROM bench.sample_key ORDER BY k" >"$WORK/keys.txt"

IFS=$'\t' read -r SAMPLE_EID SAMPLE_CC SAMPLE_NAME SAMPLE_REGION SAMPLE_INDUSTRY < <(psql_db -At -F $'\t' -c \
    "SELECT e.id, e.credit_code, e.name, p.region_code, p.industry_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE p.permit_number = '$FIXED_KEY'")
HISTORY_VERSION=1
# Chinese substrings of the sample enterprise's name, after the city (the first two characters): e.g. 广州金阳皮业有限公司
# gives 金, 金阳, 金阳皮业.
Q1=${Q1:-${SAMPLE_NAME:2:1}}
Q2=${Q2:-${SAMPLE_NAME:2:2}}
Q4=${Q4:-${SAMPLE_NAME:2:4}}
Q_COMMON=${Q_COMMON:-公}          # in nearly every name (有限公司): the worst case for a 1-character search
CC_PREFIX=${SAMPLE_CC:0:8}
EXPIRING=$(psql_val "SELECT (current_date + 90)::text")

# ---------------------------------------------------------------------------------------------------------------
# The search statement, built exactly as PermitQueries.search() builds it (same text, same parameter order)
# ---------------------------------------------------------------------------------------------------------------
SUMMARY_SELECT='SELECT p.permit_number, p.version, p.category, p.status, e.credit_code, e.name, p.site_name,
       p.region_code, r.name_zh, r.name_en, p.industry_code, i.name_zh, i.name_en, p.issuing_authority,
       p.valid_from, p.valid_to
FROM permit p
JOIN enterprise e ON e.id = p.enterprise_id
JOIN region r ON r.code = p.region_code
JOIN industry i ON i.code = p.industry_code
'
PUBLIC_DOCUMENT='SELECT body FROM permit_document WHERE permit_number = $1'
RENDERED_DOCUMENT='SELECT permit_public_document(id)::text FROM permit WHERE permit_number = $1'
HISTORY_DOCUMENT='SELECT permit_history_document(id)::text FROM permit WHERE permit_number = $1'
VERSION_SNAPSHOT='SELECT CASE WHEN d.version = $2 THEN d.body ELSE v.snapshot::text END
FROM permit_document d JOIN permit_version v ON v.permit_id = d.permit_id AND v.version = $2
WHERE d.permit_number = $1'
ENTERPRISE_BY_CREDIT_CODE='SELECT e.id, e.credit_code, e.name, e.address, e.region_code, r.name_zh, r.name_en,
       e.industry_code, i.name_zh, i.name_en
FROM enterprise e
JOIN region r ON r.code = e.region_code
JOIN industry i ON i.code = e.industry_code
WHERE e.credit_code = $1'
ENTERPRISE_PERMITS="${SUMMARY_SELECT}WHERE p.enterprise_id = \$1 ORDER BY p.permit_number"

PARAMS=()
param() { PARAMS+=("$1"); P="\$${#PARAMS[@]}"; }
# PermitQueries.grams: the pattern itself when 1-2 characters, else its distinct character pairs (text[] literal)
grams_literal() {
    local s=$1 n=${#1} i g out='' seen=$'\n'
    if ((n <= 2)); then
        g=${s//\\/\\\\}; g=${g//\"/\\\"}
        out="\"$g\""
    else
        for ((i = 0; i + 1 < n; i++)); do
            g=${s:i:2}
            [[ $seen == *$'\n'"$g"$'\n'* ]] && continue
            seen+="$g"$'\n'
            g=${g//\\/\\\\}; g=${g//\"/\\\"}
            out+="${out:+,}\"$g\""
        done
    fi
    printf '{%s}' "$out"
}
escape_like() { local s=$1; s=${s//\\/\\\\}; s=${s//%/\\%}; s=${s//_/\\_}; printf '%s' "$s"; }
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; s=${s%"${s##*[![:space:]]}"}; printf '%s' "$s"; }

# build_search KEY=VALUE... -> SQL (with $n placeholders) and PARAMS, as PermitQueries.search(criteria, empty, limit+1)
build_search() {
    local kv k v q='' region='' industry='' category='' status='' expiring='' limit=20 lowered upper names a b
    local -a where=()
    PARAMS=()
    for kv in "$@"; do
        k=${kv%%=*}; v=${kv#*=}
        case $k in
            q) q=$v ;;
            region) [[ $v =~ ^([0-9]{2}|[0-9]{4}|[0-9]{6})$ ]] || die "region must be 2, 4 or 6 digits: '$v'"; region=$v ;;
            industry) [[ $v =~ ^[0-9]{1,4}$ ]] || die "industry must be 1 to 4 digits: '$v'"; industry=$v ;;
            category) [[ $v =~ ^(KEY|SIMPLIFIED|REGISTRATION)$ ]] || die "unknown category '$v'"; category=$v ;;
            status) [[ $v =~ ^(VALID|EXPIRED|REVOKED|CANCELLED)$ ]] || die "unknown status '$v'"; status=$v ;;
            expiringBefore) [[ $v =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "expiringBefore must be YYYY-MM-DD: '$v'"; expiring=$v ;;
            limit) [[ $v =~ ^[0-9]{1,3}$ ]] && ((v >= 1 && v <= 100)) || die "limit must be 1 to 100: '$v'"; limit=$v ;;
            '') ;;
            *) die "unsupported search parameter '$k' (q, region, industry, category, status, expiringBefore, limit)" ;;
        esac
    done
    q=$(trim "$q")
    if [[ -n $q ]]; then
        lowered=${q,,}
        param "$(grams_literal "$lowered")"; a=$P
        param "%$(escape_like "$lowered")%"; b=$P
        names="SELECT id FROM enterprise WHERE epermit_name_grams(name) @> ${a}::text[] AND lower(name) LIKE ${b} ESCAPE '\\'"
        upper=${q^^}
        if [[ $upper =~ ^[0-9A-Z]{2,22}$ ]]; then
            local high=$upper
            while ((${#high} < 22)); do high+=Z; done
            param "$upper"; a=$P
            param "$high"; b=$P
            where+=("p.id IN (SELECT id FROM permit WHERE permit_number BETWEEN $a AND $b UNION SELECT id FROM permit WHERE enterprise_id IN ($names))")
        else
            where+=("p.enterprise_id IN ($names)")
        fi
    fi
    if [[ -n $region ]]; then   # RegionFilter: an equality on the column of the prefix's level
        param "$region"
        case ${#region} in
            2) where+=("p.province_code = $P") ;;
            4) where+=("p.city_code = $P") ;;
            6) where+=("p.region_code = $P") ;;
        esac
    fi
    if [[ -n $industry ]]; then   # any of the site's classes, from the prefix index (V12)
        param "$industry"
        where+=("p.permit_number IN (SELECT permit_number FROM permit_industry_prefix WHERE prefix = $P)")
    fi
    if [[ -n $category ]]; then param "$category"; where+=("p.category = $P"); fi
    if [[ -n $status ]]; then param "$status"; where+=("p.status = $P"); fi
    if [[ -n $expiring ]]; then param "$expiring"; where+=("p.valid_to < $P"); fi
    SQL="/* planned per execution */ $SUMMARY_SELECT"
    if ((${#where[@]})); then
        local joined=${where[0]} i
        for ((i = 1; i < ${#where[@]}; i++)); do joined+=" AND ${where[i]}"; done
        SQL+="WHERE $joined"$'\n'
    fi
    param "$((limit + 1))"
    SQL+="ORDER BY p.permit_number LIMIT $P"
    SEARCH_LIMIT=$limit
}

sql_literal() { local s=${1//\'/\'\'}; printf "'%s'" "$s"; }
execute_args() { # the current PARAMS as EXECUTE arguments
    local out='' v
    for v in "${PARAMS[@]}"; do out+="${out:+, }$(sql_literal "$v")"; done
    printf '%s' "$out"
}
urlencode() {
    local s=$1 out='' hex
    for hex in $(printf '%s' "$s" | od -An -v -tx1); do
        case $hex in
            3[0-9] | 4[1-9a-f] | 5[0-9a] | 6[1-9a-f] | 7[0-9a] | 2d | 2e | 5f | 7e) out+=$(printf "\\x$hex") ;;
            *) out+="%${hex^^}" ;;
        esac
    done
    printf '%s' "$out"
}

# The measured search page: its URL and its statement
IFS='&' read -r -a SEARCH_PAIRS <<<"$SEARCH_QUERY"
SEARCH_PATH=/v1/public/permits
sep='?'
for kv in "${SEARCH_PAIRS[@]}"; do
    [[ -n $kv ]] || continue
    SEARCH_PATH+="$sep$(urlencode "${kv%%=*}")=$(urlencode "${kv#*=}")"
    sep='&'
done
build_search "${SEARCH_PAIRS[@]}"
SEARCH_SQL=$SQL
SEARCH_PARAMS=("${PARAMS[@]}")
SEARCH_EXEC_ARGS=$(execute_args)
# pgbench script: $n -> :pn (highest first, so that $12 is not read as $1 and a 2)
PGB_SEARCH_SQL=$SEARCH_SQL
for ((i = ${#SEARCH_PARAMS[@]}; i >= 1; i--)); do PGB_SEARCH_SQL=${PGB_SEARCH_SQL//\$$i/:p$i}; done
{
    echo "-- The search page $SEARCH_PATH: the statement PermitQueries.search() prepares, parameters as -D p1..p${#SEARCH_PARAMS[@]}."
    printf '%s;\n' "$PGB_SEARCH_SQL"
} >"$WORK/pgbench-search.sql"
SEARCH_DEFINES=()
for ((i = 0; i < ${#SEARCH_PARAMS[@]}; i++)); do SEARCH_DEFINES+=(-D "p$((i + 1))=${SEARCH_PARAMS[i]}"); done

# ---------------------------------------------------------------------------------------------------------------
# EXPLAIN every query path at this size
# ---------------------------------------------------------------------------------------------------------------
BIG_TABLES='permit|enterprise|permit_outlet|permit_outlet_pollutant|permit_annual_quantity|permit_report_obligation|permit_version|permit_event'
PLANS=$WORK/plans.md
EXPLAIN_ROWS=()
: >"$PLANS"

# explain LABEL NESTED(0/1) SQL ARGS...: a custom plan (values known; with NESTED, also the plans inside the SQL
# functions via auto_explain) and a generic plan (what a cached prepared statement may switch to).
explain() {
    local label=$1 nested=$2 sql=$3; shift 3
    PARAMS=("$@")
    local args mode out times=() buffers=() flags=() rc per_execution=0
    args=$(execute_args)
    # the service never keeps such a statement prepared, so its generic plan is shown but not judged
    [[ $sql == '/* planned per execution */'* ]] && per_execution=1
    {
        echo "### $label"
        echo
        echo '```sql'
        echo "$sql"
        echo "-- parameters: ${args:-none}"
        echo '```'
    } >>"$PLANS"
    for mode in custom generic; do
        out=$WORK/explain.out
        rc=0
        {
            echo "SET statement_timeout = '120s';"
            echo "SET plan_cache_mode = force_${mode}_plan;"
            if ((nested)) && [[ $mode == custom ]]; then
                echo "LOAD 'auto_explain';"
                echo "SET auto_explain.log_min_duration = 0;"
                echo "SET auto_explain.log_nested_statements = on;"
                echo "SET auto_explain.log_analyze = on;"
                echo "SET auto_explain.log_timing = off;"
                echo "SET client_min_messages = log;"
            fi
            printf 'PREPARE s AS %s;\n' "$sql"
            echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE s${args:+($args)};"
        } | psql_db -f - >"$out" 2>&1 || rc=$?
        # auto_explain also logs the top statement (the PREPARE text) and trivial helper calls: keep the plans only
        sed -i -e 's/^psql:<stdin>:[0-9]*: //' "$out"
        local t
        t=$(grep -o 'Execution Time: [0-9.]*' "$out" | tail -n 1 | awk '{print $3}' || true)
        if ((rc != 0)); then t="error"; warn "EXPLAIN failed for '$label' ($mode plan): $(grep -m1 ERROR "$out" || echo "exit $rc")"; fi
        times+=("${t:-?}")
        local seq bufs bufs_judged
        seq=$(grep -oE "Seq Scan on ($BIG_TABLES)( |\$)" "$out" | sed 's/ *$//' | sort -u | sed 's/Seq Scan on //' | paste -sd, - || true)
        if ((per_execution)) && [[ $mode == generic ]]; then
            seq=''
            bufs_judged=0
        else
            bufs_judged=1
        fi
        if [[ -n $seq ]]; then
            warn "Seq Scan on $seq in the $mode plan of '$label'"
            flags+=("$mode: Seq Scan on $seq")
        fi
        # Buffers of the top plan node (shared hit + read): an index scan that filters its way through much of a
        # table is no better than a sequential scan, and EXPLAIN shows no "Seq Scan" for it.
        bufs=$(awk '/QUERY PLAN/ { p = 1; next }
            p && /Buffers:/ { n = 0
                if (match($0, /hit=[0-9]+/)) n += substr($0, RSTART + 4, RLENGTH - 4)
                if (match($0, /read=[0-9]+/)) n += substr($0, RSTART + 5, RLENGTH - 5)
                print n; exit }' "$out")
        buffers+=("${bufs:-?}")
        if ((bufs_judged)) && [[ -n $bufs ]] && ((bufs > BUFFER_WARN)); then
            warn "the $mode plan of '$label' touches $bufs buffers ($((bufs * 8 / 1024)) MB) for one request: it reads far more rows than it returns"
            flags+=("$mode: $bufs buffers")
        fi
        {
            echo
            if [[ $mode == custom ]]; then
                echo "Custom plan (the planner sees the values):"
            else
                if ((per_execution)); then
                    echo "Generic plan (not used: the service plans this statement with its values at every execution; shown for comparison):"
                else
                    echo "Generic plan (plan_cache_mode = force_generic_plan: what a prepared statement the service keeps may use after 5 executions):"
                fi
            fi
            echo
            echo '```'
            cat "$out"
            echo '```'
        } >>"$PLANS"
    done
    echo >>"$PLANS"
    local verdict=ok
    if ((${#flags[@]})); then verdict="**$(printf '%s; ' "${flags[@]}" | sed 's/; $//')**"; fi
    EXPLAIN_ROWS+=("| $label | ${times[0]} | ${buffers[0]} | ${times[1]} | ${buffers[1]} | $verdict |")
}

log "EXPLAIN (ANALYZE) of every query path"
explain "lookup GET /v1/public/permits/{n}" 1 "$PUBLIC_DOCUMENT" "$FIXED_KEY"
explain "rendering the same document (what a lookup did before V13, and what a change of the permit now does)" 1 "$RENDERED_DOCUMENT" "$FIXED_KEY"
explain "history GET /v1/public/permits/{n}/history" 1 "$HISTORY_DOCUMENT" "$FIXED_KEY"
explain "version GET /v1/public/permits/{n}/versions/$HISTORY_VERSION" 1 "$VERSION_SNAPSHOT" "$FIXED_KEY" "$HISTORY_VERSION"
explain "enterprise by credit code GET /v1/public/enterprises/{code}" 0 "$ENTERPRISE_BY_CREDIT_CODE" "$SAMPLE_CC"
explain "enterprise's permits (same request, second statement)" 0 "$ENTERPRISE_PERMITS" "$SAMPLE_EID"
explain_search() { # label, then search parameters
    local label=$1; shift
    build_search "$@"
    explain "$label" 0 "$SQL" "${PARAMS[@]}"
}
explain_search "search, no filter" limit=20
explain_search "search region=${SAMPLE_REGION:0:2} (province)" "region=${SAMPLE_REGION:0:2}"
explain_search "search region=$SAMPLE_REGION (county)" "region=$SAMPLE_REGION"
explain_search "search industry=${SAMPLE_INDUSTRY:0:2}" "industry=${SAMPLE_INDUSTRY:0:2}"
explain_search "search industry=$SAMPLE_INDUSTRY" "industry=$SAMPLE_INDUSTRY"
explain_search "search category=KEY" category=KEY
explain_search "search status=VALID" status=VALID
explain_search "search status=REVOKED" status=REVOKED
explain_search "search expiringBefore=$EXPIRING" "expiringBefore=$EXPIRING"
explain_search "search q=$Q1 (1 character of $SAMPLE_NAME)" "q=$Q1"
explain_search "search q=$Q2 (2 characters)" "q=$Q2"
explain_search "search q=$Q4 (4 characters)" "q=$Q4"
explain_search "search q=$Q_COMMON (1 character in nearly every name: worst case)" "q=$Q_COMMON"
explain_search "search q=$CC_PREFIX (credit-code prefix: UNION form)" "q=$CC_PREFIX"
explain_search "search $SEARCH_QUERY (the measured page)" "${SEARCH_PAIRS[@]}"

# ---------------------------------------------------------------------------------------------------------------
# The service
# ---------------------------------------------------------------------------------------------------------------
BASE=http://127.0.0.1:$PORT
BARE_BASE=http://127.0.0.1:$BARE_PORT

# wait_ready PID BASE LOG
wait_ready() {
    local pid=$1 base=$2 logfile=$3 i
    for ((i = 0; i < 240; i++)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 40 "$logfile" >&2
            if grep -qiE 'checksum mismatch|Validate failed' "$logfile"; then
                die "the service refused the database: its migrations differ from this build's (loaded by another version?); rerun without --reuse"
            fi
            die "the service exited during start-up"
        fi
        if curl -fsS -o /dev/null --max-time 2 "$base/q/health/ready" 2>/dev/null; then return 0; fi
        sleep 0.5
    done
    tail -n 40 "$logfile" >&2
    die "the service at $base was not ready after 120 s"
}

# The gateway's cost is measured against a second instance of the same build on the same database that exempts the
# fixed-key lookup's path from rate limiting (exempt paths are exact paths); called without a key it also
# authenticates and audits nothing. Other paths (its warm-up's random keys) pass its limits, raised as below. It
# starts first and applies the migrations.
UNLIMITED=(-Depermit.rate-limit.anonymous.requests-per-second=10000000 -Depermit.rate-limit.anonymous.burst=10000000
    -Depermit.rate-limit.anonymous.daily-quota=100000000000)
for plan in free standard partner; do
    UNLIMITED+=("-Depermit.rate-limit.plans.$plan.requests-per-second=10000000" "-Depermit.rate-limit.plans.$plan.burst=10000000"
        "-Depermit.rate-limit.plans.$plan.daily-quota=100000000000")
done
# No lifecycle job (PermitLifecycleJob: expiry and cancellation) writing permits and documents mid-measurement.
UNLIMITED+=(-Depermit.permit-lifecycle.job.enabled=false)
log "starting the bare instance (no rate limiting on the fixed-key lookup) on $BARE_BASE"
java $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$BARE_PORT" -Dquarkus.management.port=0 \
    "-Depermit.rate-limit.exempt-paths=/v1/public/permits/$FIXED_KEY" "${UNLIMITED[@]}" \
    -jar "$JAR" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
wait_ready "$BARE_PID" "$BARE_BASE" "$WORK/bare.log"

# The measured instance runs the whole gateway with the shipped code paths; only the limits are raised so that wrk
# measures throughput instead of being refused (every request still takes a token from a bucket).
log "starting the service on $BASE"
java $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" "${UNLIMITED[@]}" \
    -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
wait_ready "$SERVICE_PID" "$BASE" "$WORK/service.log"
OLD_BASE=http://127.0.0.1:$OLD_PORT
OLD_PID=
if [[ -n $OLD_JAR ]]; then
    [[ -f $OLD_JAR ]] || die "no jar at $OLD_JAR"
    log "starting the earlier build $OLD_JAR on $OLD_BASE (no migrations; limits raised as for the measured instance)"
    java $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$OLD_PORT" -Dquarkus.management.port=0 \
        -Dquarkus.flyway.migrate-at-start=false -Dquarkus.flyway.validate-on-migrate=false "${UNLIMITED[@]}" \
        -jar "$OLD_JAR" >"$WORK/old.log" 2>&1 &
    OLD_PID=$!
    wait_ready "$OLD_PID" "$OLD_BASE" "$WORK/old.log"
    status=$(curl -sS --max-time 120 -o /dev/null -w '%{http_code}' "$OLD_BASE/v1/public/permits/$FIXED_KEY")
    [[ $status == 200 ]] || die "the earlier build's lookup answered $status"
fi
# The API-key runs need a vendor's key. The service issues demo keys only on its embedded database, never on one it
# is given like this one, so the bench registers a vendor of its own with a fresh key (the API's key format: an id of
# 16 characters [a-z0-9], a 43-character base64url secret, only the secret's SHA-256 stored), revoking earlier ones.
BENCH_VENDOR=00000000-0000-4000-8000-0000000000be
BENCH_KEY_ID=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
BENCH_SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
psql_val "INSERT INTO api_client (id, name, organisation, roles, scopes, plan, status)
          VALUES ('$BENCH_VENDOR', 'Bench vendor', 'ePermit bench', '{vendor}', '{permits:read}', 'standard', 'ACTIVE')
          ON CONFLICT (id) DO UPDATE SET status = 'ACTIVE';
          UPDATE api_key SET revoked_at = now() WHERE client_id = '$BENCH_VENDOR' AND revoked_at IS NULL;
          INSERT INTO api_key (id, client_id, secret_sha256)
          VALUES ('$BENCH_KEY_ID', '$BENCH_VENDOR', sha256(convert_to('$BENCH_SECRET', 'UTF8')))" >/dev/null
VENDOR_KEY="epk_${BENCH_KEY_ID}_$BENCH_SECRET"
status=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code}' -H "X-API-Key: $VENDOR_KEY" "$BASE/v1/me")
[[ $status == 200 ]] || die "GET /v1/me with the bench vendor's key answered $status"
JAVA_VERSION=$(java -version 2>&1 | head -n 1)

# Sanity: the API answers what the SQL answers
status=$(curl -sS --max-time 120 -o "$WORK/api-lookup.json" -w '%{http_code}' "$BASE/v1/public/permits/$FIXED_KEY")
[[ $status == 200 ]] || die "GET /v1/public/permits/$FIXED_KEY answered $status"
psql_val "SELECT body FROM permit_document WHERE permit_number = '$FIXED_KEY'" >"$WORK/sql-lookup.json"
psql_val "SELECT permit_public_document(id)::text FROM permit WHERE permit_number = '$FIXED_KEY'" >"$WORK/sql-rendered.json"
cmp -s "$WORK/sql-lookup.json" "$WORK/sql-rendered.json" || warn "the stored document of $FIXED_KEY differs from its rendering"
BODY_BYTES=$(wc -c <"$WORK/api-lookup.json")
status=$(curl -sS --max-time 60 -o "$WORK/api-floor.json" -w '%{http_code}' "$BASE/v1/public/bench-floor/$FIXED_KEY")
[[ $status == 200 ]] || die "GET /v1/public/bench-floor/$FIXED_KEY answered $status: build the service with its HTTP floor (see --help)"
cmp -s "$WORK/api-floor.json" "$WORK/api-lookup.json" || warn "the HTTP floor's body differs from the lookup's"
if [[ $(cat "$WORK/api-lookup.json") != "$(cat "$WORK/sql-lookup.json")" ]]; then
    warn "the API's lookup body differs from the SQL document for $FIXED_KEY"
fi
status=$(curl -sS --max-time 120 -o "$WORK/api-search.json" -w '%{http_code}' "$BASE$SEARCH_PATH")
[[ $status == 200 ]] || die "GET $SEARCH_PATH answered $status: $(head -c 400 "$WORK/api-search.json")"
api_numbers=$(grep -o '"permitNumber":"[^"]*"' "$WORK/api-search.json" | cut -d'"' -f4 | paste -sd' ' - || true)
sql_numbers=$(printf 'PREPARE s AS %s;\nEXECUTE s(%s);\n' "$SEARCH_SQL" "$SEARCH_EXEC_ARGS" | psql_db -At -f - \
    | cut -d'|' -f1 | head -n "$SEARCH_LIMIT" | paste -sd' ' - || true)
if [[ $api_numbers != "$sql_numbers" ]]; then
    warn "the search page's permits differ from the statement's rows: API [$api_numbers] SQL [$sql_numbers]"
fi
SEARCH_ROWS=$(wc -w <<<"$api_numbers")
((SEARCH_ROWS > 0)) || warn "the measured search page is empty: choose a filter that matches (--search)"

# ---------------------------------------------------------------------------------------------------------------
# Load generators
# ---------------------------------------------------------------------------------------------------------------
CLK_TCK=$(getconf CLK_TCK)
WRK_TIMEOUT=$((DURATION > 10 ? DURATION : 10))   # count slow responses in the latency instead of dropping them
service_cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/${MEASURED_PID:-$SERVICE_PID}/stat"; }

# run_wrk NAME URL SCRIPT [ARGS...] -> sets RPS P99 REQS ERRS CPU_US
run_wrk() {
    local name=$1 url=$2 script=$3; shift 3
    local out=$WORK/wrk-$name.out cpu0 cpu1
    cpu0=$(service_cpu_ticks)
    run_child wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout "${WRK_TIMEOUT}s" --latency "${WRK_HEADERS[@]}" -s "$script" "$url" ${1:+--} "$@" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed ($name)"; }
    cpu1=$(service_cpu_ticks)
    local line
    line=$(grep '^RESULT ' "$out" | tail -n 1) || { cat "$out" >&2; die "no RESULT line from wrk ($name)"; }
    RPS=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")
    P99=$(sed -E 's/.* p99_ms=([0-9.]+).*/\1/' <<<"$line")
    REQS=$(sed -E 's/.*RESULT requests=([0-9]+).*/\1/' <<<"$line")
    ERRS=$(awk '{ n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^errors_/) { split($i, kv, "="); n += kv[2] } print n }' <<<"$line")
    CPU_US=$(awk -v a="$cpu0" -v b="$cpu1" -v t="$CLK_TCK" -v r="$REQS" 'BEGIN { printf "%.0f", (r > 0 ? (b - a) / t * 1e6 / r : 0) }')
    ((ERRS == 0)) || warn "wrk $name: $ERRS errors, timeouts (> ${WRK_TIMEOUT} s) or non-2xx/3xx responses ($line)"
    if ((REQS == 0)); then
        warn "wrk $name: no request completed within ${WRK_TIMEOUT} s; p99 reported as ${WRK_TIMEOUT} s (a lower bound)"
        P99=$((WRK_TIMEOUT * 1000))
    fi
    cat "$out" >>"$WORK/wrk-all.out"
}

# run_pgbench NAME SCRIPT [-D ...] -> sets TPS P99 TXS
run_pgbench() {
    local name=$1 script=$2; shift 2
    local out=$WORK/pgbench-$name.out prefix=$WORK/pglog-$name
    rm -f "$prefix".*
    local clients=${PGB_CLIENTS:-$CONNECTIONS}
    run_child "$PGBENCH" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -n -M "${PGB_MODE:-prepared}" -c "$clients" -j "$((THREADS < clients ? THREADS : clients))" \
        -T "$DURATION" -r -l --log-prefix="$prefix" -f "$script" "$@" "$DB" >"$out" 2>&1 \
        || { cat "$out" >&2; die "pgbench failed ($name)"; }
    TPS=$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\).*/\1/p' "$out" | tail -n 1)
    [[ -n $TPS ]] || { cat "$out" >&2; die "no tps from pgbench ($name)"; }
    TXS=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$out")
    local failed
    failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$out")
    [[ -z $failed || $failed == 0 ]] || warn "pgbench $name: $failed failed transactions"
    # per-transaction log: client, transaction, latency (us), script, epoch, us
    P99=$(cat "$prefix".* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) { print "?"; exit } i = int(NR * 0.99); if (i < NR * 0.99) i++; if (i < 1) i = 1; printf "%.3f", a[i] / 1000 }')
    rm -f "$prefix".*
    cat "$out" >>"$WORK/pgbench-all.out"
}

WRK_HEADERS=()
PATHS=(lookup-fixed lookup-random search)
declare -A TITLE=([lookup-fixed]="lookup, fixed key" [lookup-random]="lookup, random key" [search]="search page")
# The gateway's cost on the fixed-key lookup: the same request to the bare instance (no rate limiting, anonymous:
# no authentication, no audit), to the measured one anonymous (rate limiting), and with the bench vendor's API key
# (authentication + rate limiting + an audit row per request). Interleaved in every round, wrk only.
GATEWAY_PATHS=(bare anonymous api-key floor)
[[ -n $OLD_JAR ]] && GATEWAY_PATHS+=(old)
declare -A GW_TITLE=([bare]="no gateway (bare instance, anonymous)" [anonymous]="rate limiting (anonymous)"
    [api-key]="API key: authentication + rate limiting + audit"
    [floor]="HTTP floor: the same request and body from memory (rate limiting, anonymous)"
    [old]="the earlier build's lookup (--old-jar: rendered at every read)")
declare -A GW_RPS GW_P99 GW_CPU
declare -A API_RPS API_P99 API_CPU PG_TPS PG_P99 CEILING_BY_CLIENTS
RAW_ROWS=()

if ((WARMUP > 0)); then
    # Two thirds on random-key lookups, then a third on the search page (at least 1 s each), results discarded.
    DURATION_SAVED=$DURATION
    DURATION=$((WARMUP - WARMUP / 3))
    log "warm-up: ${DURATION} s of random-key lookups (wrk, discarded)"
    run_wrk warmup-lookup "$BASE" "$BENCH_DIR/wrk-random-keys.lua" "$WORK/keys.txt"
    log "warm-up: $RPS req/s, p99 $P99 ms"
    if ((WARMUP / 3 > 0)); then
        DURATION=$((WARMUP / 3))
        log "warm-up: ${DURATION} s of the search page (wrk, discarded)"
        run_wrk warmup-search "$BASE$SEARCH_PATH" "$BENCH_DIR/wrk-report.lua"
        log "warm-up: $RPS req/s, p99 $P99 ms"
    fi
    # The other instances get the same warm-up on lookups as the measured one, the floor and the API-key path a
    # third of it each (the same code, already compiled)
    DURATION=$((WARMUP - WARMUP / 3))
    log "warm-up: ${DURATION} s of random-key lookups on the bare instance (wrk, discarded)"
    MEASURED_PID=$BARE_PID run_wrk warmup-bare "$BARE_BASE" "$BENCH_DIR/wrk-random-keys.lua" "$WORK/keys.txt"
    if [[ -n $OLD_PID ]]; then
        log "warm-up: ${DURATION} s of random-key lookups on the earlier build (wrk, discarded)"
        MEASURED_PID=$OLD_PID run_wrk warmup-old "$OLD_BASE" "$BENCH_DIR/wrk-random-keys.lua" "$WORK/keys.txt"
    fi
    DURATION=$((WARMUP / 3 > 0 ? WARMUP / 3 : 1))
    log "warm-up: ${DURATION} s of the HTTP floor, then ${DURATION} s with the API key (wrk, discarded)"
    run_wrk warmup-floor "$BASE/v1/public/bench-floor/$FIXED_KEY" "$BENCH_DIR/wrk-report.lua"
    WRK_HEADERS=(-H "X-API-Key: $VENDOR_KEY")
    run_wrk warmup-api-key "$BASE/v1/public/permits/$FIXED_KEY" "$BENCH_DIR/wrk-report.lua"
    WRK_HEADERS=()
    DURATION=$DURATION_SAVED
fi

MEASURE_START=$(psql_val "SELECT now()")
for ((round = 1; round <= ROUNDS; round++)); do
    for path in "${PATHS[@]}"; do
        log "round $round/$ROUNDS: $path (wrk, then pgbench; ${DURATION} s each)"
        case $path in
            lookup-fixed) run_wrk "$path-$round" "$BASE/v1/public/permits/$FIXED_KEY" "$BENCH_DIR/wrk-report.lua" ;;
            lookup-random) run_wrk "$path-$round" "$BASE" "$BENCH_DIR/wrk-random-keys.lua" "$WORK/keys.txt" ;;
            search) run_wrk "$path-$round" "$BASE$SEARCH_PATH" "$BENCH_DIR/wrk-report.lua" ;;
        esac
        API_RPS[$path]+="$RPS "; API_P99[$path]+="$P99 "; API_CPU[$path]+="$CPU_US "
        a_rps=$RPS a_p99=$P99 a_cpu=$CPU_US
        sleep 1
        case $path in
            lookup-fixed)
                # the database's ceiling for the statement: the best of several client counts (on 2 cores
                # PostgreSQL does about twice as much at 4 clients as at 32)
                best_tps=0 best_p99=
                for clients in $CEILING_CLIENTS; do
                    PGB_CLIENTS=$clients run_pgbench "$path-$round-c$clients" "$BENCH_DIR/pgbench-lookup-fixed.sql" -D "pn=$FIXED_KEY"
                    CEILING_BY_CLIENTS[$clients]+="$TPS "
                    if awk -v a="$TPS" -v b="$best_tps" 'BEGIN { exit !(a > b) }'; then best_tps=$TPS best_p99=$P99; fi
                    sleep 1
                done
                cp "$WORK/pgbench-$path-$round-c${CEILING_CLIENTS##* }.out" "$WORK/pgbench-$path-$round.out"
                TPS=$best_tps P99=$best_p99 ;;
            lookup-random) run_pgbench "$path-$round" "$BENCH_DIR/pgbench-lookup-random.sql" -D "nkeys=$NKEYS" ;;
            # the service plans each search with its values (PlannedPerExecution): -M extended does the same
            search) PGB_MODE=extended run_pgbench "$path-$round" "$WORK/pgbench-search.sql" "${SEARCH_DEFINES[@]}" ;;
        esac
        PG_TPS[$path]+="$TPS "; PG_P99[$path]+="$P99 "
        log "  API $a_rps req/s, p99 $a_p99 ms, service CPU $a_cpu us/request | pgbench $TPS tps, p99 $P99 ms"
        RAW_ROWS+=("| $round | ${TITLE[$path]} | $a_rps | $a_p99 | $a_cpu | $(printf '%.1f' "$TPS") | $P99 |")
        sleep 1
    done

    for gw in "${GATEWAY_PATHS[@]}"; do
        log "round $round/$ROUNDS: gateway cost, $gw (wrk; ${DURATION} s)"
        case $gw in
            bare) MEASURED_PID=$BARE_PID run_wrk "gw-$gw-$round" "$BARE_BASE/v1/public/permits/$FIXED_KEY" "$BENCH_DIR/wrk-report.lua" ;;
            anonymous) run_wrk "gw-$gw-$round" "$BASE/v1/public/permits/$FIXED_KEY" "$BENCH_DIR/wrk-report.lua" ;;
            floor) run_wrk "gw-$gw-$round" "$BASE/v1/public/bench-floor/$FIXED_KEY" "$BENCH_DIR/wrk-report.lua" ;;
            old) MEASURED_PID=$OLD_PID run_wrk "gw-$gw-$round" "$OLD_BASE/v1/public/permits/$FIXED_KEY" "$BENCH_DIR/wrk-report.lua" ;;
            api-key)
                WRK_HEADERS=(-H "X-API-Key: $VENDOR_KEY")
                run_wrk "gw-$gw-$round" "$BASE/v1/public/permits/$FIXED_KEY" "$BENCH_DIR/wrk-report.lua"
                WRK_HEADERS=() ;;
        esac
        GW_RPS[$gw]+="$RPS "; GW_P99[$gw]+="$P99 "; GW_CPU[$gw]+="$CPU_US "
        log "  $RPS req/s, p99 $P99 ms, service CPU $CPU_US us/request"
        RAW_ROWS+=("| $round | gateway: ${GW_TITLE[$gw]} | $RPS | $P99 | $CPU_US | | |")
        sleep 1
    done
done
AUDITED=$(psql_val "SELECT count(*) FROM audit_log WHERE client_id = '$BENCH_VENDOR' AND occurred_at >= '$MEASURE_START'" 2>/dev/null || echo '?')

log "stopping the services"
stop_pid "$SERVICE_PID" 30
SERVICE_PID=
stop_pid "$BARE_PID" 30
BARE_PID=
if [[ -n $OLD_PID ]]; then stop_pid "$OLD_PID" 30; OLD_PID=; fi
LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) printf "%.1f", a[(NR + 1) / 2]; else printf "%.1f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
median3() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) printf "%.2f", a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }

TABLE="| path | API req/s | API p99 ms | pgbench tps | pgbench p99 ms | API/pgbench ratio | service CPU µs/req |
|---|---:|---:|---:|---:|---:|---:|"
declare -A M_RPS M_P99 M_TPS M_PGP99 M_RATIO
for path in "${PATHS[@]}"; do
    M_RPS[$path]=$(median "${API_RPS[$path]}")
    M_P99[$path]=$(median3 "${API_P99[$path]}")
    M_TPS[$path]=$(median "${PG_TPS[$path]}")
    M_PGP99[$path]=$(median3 "${PG_P99[$path]}")
    M_RATIO[$path]=$(ratio "${M_RPS[$path]}" "${M_TPS[$path]}")
    label=${TITLE[$path]}
    [[ $path == search ]] && label="search page \`$SEARCH_QUERY\`"
    [[ $path == lookup-random ]] && label="lookup, random key (pgbench: +1 PK read/tx)"
    TABLE+=$'\n'"| $label | ${M_RPS[$path]} | ${M_P99[$path]} | ${M_TPS[$path]} | ${M_PGP99[$path]} | ${M_RATIO[$path]} | $(median "${API_CPU[$path]}" | cut -d. -f1) |"
done

verdict() { # path
    local r=${M_RATIO[$1]} p=${M_P99[$1]} a b
    a=$(awk -v r="$r" 'BEGIN { print (r + 0 >= 0.5) ? "MET" : "MISSED" }')
    b=$(awk -v p="$p" 'BEGIN { print (p + 0 < 20) ? "MET" : "MISSED" }')
    # the lookup's target is against the HTTP floor since the database stores its document (V13): it reads a stored
    # text far faster than any HTTP service answers, so this ratio only says how far the database is from limiting
    printf 'API/pgbench %s; API p99 %s ms (target < 20 ms: %s)' "$r" "$p" "$b"
}
GW_TABLE="| fixed-key lookup through | API req/s | API p99 ms | service CPU µs/req | req/s vs bare | p99 vs bare |
|---|---:|---:|---:|---:|---:|"
for gw in "${GATEWAY_PATHS[@]}"; do
    r=$(median "${GW_RPS[$gw]}"); p=$(median3 "${GW_P99[$gw]}")
    GW_TABLE+=$'\n'"| ${GW_TITLE[$gw]} | $r | $p | $(median "${GW_CPU[$gw]}" | cut -d. -f1) | $(ratio "$r" "$(median "${GW_RPS[bare]}")") | $(ratio "$p" "$(median3 "${GW_P99[bare]}")") |"
done

FLOOR_RPS=$(median "${GW_RPS[floor]}")
FLOOR_RATIO=$(ratio "${M_RPS[lookup-fixed]}" "$FLOOR_RPS")
CEILING_NOTE=""
for clients in $CEILING_CLIENTS; do CEILING_NOTE+="$clients clients $(median "${CEILING_BY_CLIENTS[$clients]}") tps; "; done
TARGETS="- Lookup against the HTTP floor (the same service answering the same $BODY_BYTES-byte body from memory, $FLOOR_RPS req/s): **$FLOOR_RATIO** (target >= 0.40: $(awk -v r="$FLOOR_RATIO" 'BEGIN { print (r + 0 >= 0.4) ? "MET" : "MISSED" }')); p99 ${M_P99[lookup-fixed]} ms at $CONNECTIONS connections (target < 20 ms: $(awk -v p="${M_P99[lookup-fixed]}" 'BEGIN { print (p + 0 < 20) ? "MET" : "MISSED" }'))
- Lookup, fixed key, against the database's ceiling for its statement (the best of pgbench at ${CEILING_CLIENTS// /, } clients: ${CEILING_NOTE%; }): $(verdict lookup-fixed)
- Lookup, random key (pgbench adds one primary-key read per transaction, so its ceiling is a little low and the ratio a little high): $(verdict lookup-random)"
if [[ -n $LOAD_SECONDS ]]; then
    load_target=$(awk -v s="$LOAD_SECONDS" 'BEGIN { print (s < 600) ? "MET" : "MISSED" }')
    if ((PERMITS_IN_DB >= 1000000)); then
        TARGETS+=$'\n'"- Load of $PERMITS_IN_DB permits: $LOAD_SECONDS s (target < 600 s for 1,000,000: $load_target)"
    else
        TARGETS+=$'\n'"- Load of $PERMITS_IN_DB permits: $LOAD_SECONDS s (the < 10 min target is for 1,000,000 permits)"
    fi
fi

COMMIT=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$REPO_DIR" diff --quiet HEAD 2>/dev/null || COMMIT+=" (with uncommitted changes)"
WRK_VERSION=$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2 || true)
PGBENCH_VERSION=$("$PGBENCH" --version)

{
    echo "# Read paths: API vs. database ceiling — $STAMP"
    echo
    echo "Command: \`bench/read-paths.sh --permits $PERMITS --db $DB --connections $CONNECTIONS --warmup $WARMUP --duration $DURATION --rounds $ROUNDS --port $PORT$( ((REUSE)) && echo ' --reuse')\`"
    echo
    echo "- Commit $COMMIT; $CPUS CPUs, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM; load average $LOADAVG_START at start, $LOADAVG_END at end"
    echo "- PostgreSQL $PG_VERSION at $PGHOST:$PGPORT; $PGBENCH_VERSION; $WRK_VERSION; $JAVA_VERSION${JAVA_OPTS:+; JAVA_OPTS=$JAVA_OPTS}"
    echo "- wrk -t $THREADS -c $CONNECTIONS and pgbench -c $CONNECTIONS -j $THREADS (-M prepared for the lookups, which the service keeps prepared; -M extended for the search, which it plans at every execution); ${WARMUP} s warm-up, then $ROUNDS round(s) of ${DURATION} s per tool and path; medians below"
    echo "- Data: $PERMITS_IN_DB permits of $ENTERPRISES_IN_DB enterprises, database size $DB_SIZE"
    if [[ -n $LOAD_SECONDS ]]; then
        echo "- Load: \`load-demo $PERMITS\` took **$LOAD_SECONDS s** wall clock (JVM start, migrations, COPY, index rebuild, ANALYZE; $DEMO_OPTS_NOTE); the loader logged: ${LOADER_LINE:-nothing}"
    else
        echo "- Load: reused the loaded database (--reuse), not timed"
    fi
    echo "- VACUUM (ANALYZE) after the load: $VACUUM_SECONDS s (not part of the load time)"
    echo
    echo "## Results (medians)"
    echo
    echo "$TABLE"
    echo
    echo "$TARGETS"
    echo
    echo "- Fixed key: \`$FIXED_KEY\` for every request on both sides. Random key: $NKEYS permit numbers sampled at random (bench.sample_key); wrk draws from them uniformly, pgbench draws an index and reads the number from bench.sample_key first."
    echo "- Search page: \`GET $SEARCH_PATH\` ($SEARCH_ROWS rows on the page); the API asks for limit+1 rows to know whether there is a next page, and pgbench runs that same statement:"
    echo
    echo '```sql'
    echo "$SEARCH_SQL"
    echo "-- parameters: $SEARCH_EXEC_ARGS"
    echo '```'
    echo
    echo "- service CPU µs/req: CPU time of the service process (all threads) during the wrk run divided by the requests served."
    echo "- The HTTP floor (GET /v1/public/bench-floor/{n}, only in a build with -Depermit.bench.http-floor=true) is the lookup with its database read replaced by memory: the same parsing, gateway filters, ETag and $BODY_BYTES-byte body. The lookup's ratio to it is the share of the service's capacity left after the database read."
    echo
    echo "## The gateway's cost on a permit lookup (same run, interleaved with the rounds above)"
    echo
    echo "$GW_TABLE"
    echo
    echo "- The bare instance is the same build on the same database with the fixed-key lookup's path in epermit.rate-limit.exempt-paths, called without a key: no rate limiting, no authentication, no audit. The measured instance runs with the limits raised (every request still takes a token). The API-key rows authenticate the bench's vendor (one indexed read of its key per request) and write one audit row per request (batched after the response): $AUDITED audit rows of the vendor written during the rounds (warm-up excluded)."
    echo
    if ((${#WARNINGS[@]})); then
        echo "## Warnings"
        echo
        for w in "${WARNINGS[@]}"; do echo "- WARNING: $w"; done
        echo
    fi
    echo "## Every round"
    echo
    echo "| round | path | API req/s | API p99 ms | service CPU µs/req | pgbench tps | pgbench p99 ms |"
    echo "|---:|---|---:|---:|---:|---:|---:|"
    printf '%s\n' "${RAW_ROWS[@]}"
    echo
    echo "pgbench's own report of the last round of each path (\`-r\` gives each statement's average latency):"
    echo
    echo '```'
    for path in "${PATHS[@]}"; do
        echo "== $path"
        grep -vE '^(pgbench \(|transaction type:|scaling factor:|query mode:|maximum number of tries|duration:|initial connection time)' "$WORK/pgbench-$path-$ROUNDS.out" || true
    done
    echo '```'
    echo
    echo "## EXPLAIN at $PERMITS_IN_DB permits"
    echo
    echo "Execution times from EXPLAIN (ANALYZE, BUFFERS) of the prepared statement, run once each right after the load (caches warm from loading, not from the benchmark)."
    echo "Flagged: a \"Seq Scan\" on a data table ($BIG_TABLES; the small reference tables region, industry and pollutant are not), and a plan whose top node touches more than $BUFFER_WARN buffers (8 kB each) for one request. Buffers = shared hit + read of the top node."
    echo
    echo "| query path | custom plan ms | custom plan buffers | generic plan ms | generic plan buffers | flags |"
    echo "|---|---:|---:|---:|---:|---|"
    printf '%s\n' "${EXPLAIN_ROWS[@]}"
    echo
    cat "$PLANS"
} >"$REPORT"

# ---------------------------------------------------------------------------------------------------------------
# Console summary
# ---------------------------------------------------------------------------------------------------------------
echo
echo "$TABLE"
echo
echo "$TARGETS"
if ((${#WARNINGS[@]})); then
    echo
    for w in "${WARNINGS[@]}"; do echo "WARNING: $w"; done
fi
echo
echo "Report: $REPORT"
if ((!DROP_AFTER)); then
    echo "The database $DB is kept for --reuse; drop it with: psql -h $PGHOST -p $PGPORT -U $PGUSER -d postgres -c 'DROP DATABASE $DB'"
fi
exit 0
