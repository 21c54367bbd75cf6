# Sourced by the benchmarks: sets DEMO_OPTS, the -D options that make load-demo load permits only (no demo execution
# reports, no demo monitoring data: the filing benchmark files those periods itself, and the read-path benchmark times
# the permit load), and DEMO_OPTS_NOTE, which says what was passed. The properties exist only in builds that generate
# reports; an unknown epermit.* property fails Quarkus' start, so a probe (pointed at no database, so it stops at the
# configuration check or at the first connection) decides. Needs JAR, WORK and JAVA_OPTS; uses log().
DEMO_OPTS=(-Depermit.demo.report-years=0 -Depermit.demo.monitoring-permits=0)
if ! QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:1/none QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:1/none \
    java $JAVA_OPTS "${DEMO_OPTS[@]}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -jar "$JAR" load-demo 1 >"$WORK/probe.log" 2>&1 \
    && grep -q 'epermit.demo.report-years.*does not map\|epermit.demo.monitoring-permits.*does not map' "$WORK/probe.log"; then
    DEMO_OPTS=()
    log "this build's demo has no execution reports or monitoring data: no demo options passed"
fi
DEMO_OPTS_NOTE=${DEMO_OPTS[*]:-"no demo options (this build's demo has no reports or monitoring data)"}
