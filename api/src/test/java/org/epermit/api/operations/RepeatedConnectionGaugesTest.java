package org.epermit.api.operations;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedConnectionGaugesTest {

    private final RepeatedConnectionGauges filter = new RepeatedConnectionGauges();

    @Test
    void drops_only_the_repeated_registration_of_the_connection_limit_gauges() {
        assertThat(filter.isLoggable(micrometer("This Gauge has been already registered (MeterId{name='vertx.http.connections.current', tags=[]}), the registration will be ignored.")))
                .isFalse();
        assertThat(filter.isLoggable(micrometer("This Gauge has been already registered (MeterId{name='postgresql.queue.size', tags=[]}), the registration will be ignored.")))
                .as("another gauge registered twice is still a warning").isTrue();
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
