package org.epermit.api.operations;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedConnectionGaugesTest {

    private final RepeatedConnectionGauges filter = new RepeatedConnectionGauges();

    @Test
    void drops_only_the_repeated_registration_of_the_connection_limit_and_per_connection_sql_gauges() {
        assertThat(filter.isLoggable(micrometer("This Gauge has been already registered (MeterId{name='vertx.http.connections.current', tags=[]}), the registration will be ignored.")))
                .isFalse();
        assertThat(filter.isLoggable(micrometer("This Gauge has been already registered (MeterId{name='postgresql.queue.size', tags=[tag(clientName=<default>),tag(clientType=sql)]}), the registration will be ignored.")))
                .as("the SQL client's per-connection gauge (quarkusio/quarkus#47504)").isFalse();
        assertThat(filter.isLoggable(micrometer("This Gauge has been already registered (MeterId{name='postgresql.current', tags=[tag(clientName=<default>),tag(clientType=sql)]}), the registration will be ignored.")))
                .isFalse();
        assertThat(filter.isLoggable(micrometer("This Gauge has been already registered (MeterId{name='sql.pool.queue.size', tags=[tag(pool.type=sql)]}), the registration will be ignored.")))
                .as("the pool's own gauge registered twice is still a warning").isTrue();
        assertThat(filter.isLoggable(micrometer("This Gauge has been already registered (MeterId{name='postgresql.queue.size', tags=[tag(clientType=redis)]}), the registration will be ignored.")))
                .as("another client's gauge registered twice is still a warning").isTrue();
        assertThat(filter.isLoggable(micrometer("A gauge named 'vertx.http.connections.current' was created")))
                .as("only the repeated registration is dropped").isTrue();
        LogRecord elsewhere = new LogRecord(Level.WARNING, "already registered (MeterId{name='vertx.http.connections.current'})");
        elsewhere.setLoggerName("org.epermit.api.Something");
        assertThat(filter.isLoggable(elsewhere)).isTrue();
    }

    private static LogRecord micrometer(String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName("io.micrometer.core.instrument.MeterRegistry");
        return record;
    }
}
