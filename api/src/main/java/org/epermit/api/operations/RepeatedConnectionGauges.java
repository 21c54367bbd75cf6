package org.epermit.api.operations;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the one start-up warning Quarkus causes by registering its connection-limit gauges
 * ({@code vertx.http.connections.current}, {@code .max}) once per HTTP event-loop verticle: every verticle passes the
 * same connection counter, so the first registration is the gauge and the others are no-ops that Micrometer warns
 * about (the same kind of bug as quarkusio/quarkus#50040). Any other repeated registration still warns.
 */
@LoggingFilter(name = "repeated-connection-gauges")
public final class RepeatedConnectionGauges implements Filter {

    private static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!LOGGER.equals(record.getLoggerName())) {
            return true;
        }
        String text = text(record);
        return !(text.contains("already registered") && text.contains("name='vertx.http.connections."));
    }

    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                text.append(' ').append(p);
            }
        }
        return text.toString();
    }
}
