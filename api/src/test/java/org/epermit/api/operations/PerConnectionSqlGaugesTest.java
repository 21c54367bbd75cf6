package org.epermit.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PerConnectionSqlGaugesTest {

    private static final Tags CLIENT = Tags.of("clientName", "<default>", "clientType", "sql");

    private final MeterRegistry registry = new SimpleMeterRegistry();

    PerConnectionSqlGaugesTest() {
        registry.config().meterFilter(new PerConnectionSqlGauges().withoutPerConnectionSqlGauges());
    }

    @Test
    void a_second_connection_registers_its_gauges_without_a_warning_and_no_gauge_reports_one_connection_as_the_pool() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { warnings.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger micrometer = Logger.getLogger(MeterRegistry.class.getName());
        micrometer.addHandler(handler);
        try {
            for (AtomicInteger queue : List.of(new AtomicInteger(3), new AtomicInteger(5))) { // two connections
                Gauge.builder("postgresql.queue.size", queue::get).tags(CLIENT).strongReference(true).register(registry);
                Gauge.builder("postgresql.current", queue::get).tags(CLIENT).strongReference(true).register(registry);
            }
        } finally {
            micrometer.removeHandler(handler);
        }
        assertThat(warnings).isEmpty();
        assertThat(registry.find("postgresql.queue.size").gauge()).isNull();
        assertThat(registry.find("postgresql.current").gauge()).isNull();
    }

    @Test
    void the_pool_gauges_and_the_client_timers_stay() {
        Gauge.builder("sql.pool.queue.size", () -> 2).tags("pool.type", "sql", "pool.name", "<default>").register(registry);
        Timer.builder("postgresql.processing").tags(CLIENT).register(registry);
        Gauge.builder("postgresql.queue.size", () -> 1).tags("clientName", "x", "clientType", "redis").register(registry);
        assertThat(registry.find("sql.pool.queue.size").gauge().value()).isEqualTo(2);
        assertThat(registry.find("postgresql.processing").timer()).isNotNull();
        assertThat(registry.find("postgresql.queue.size").tag("clientType", "redis").gauge())
                .as("only the SQL client's per-connection gauges are left out").isNotNull();
    }
}
