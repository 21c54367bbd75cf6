package org.epermit.api.operations;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the start-up warnings of two known repeated gauge registrations, and only those:
 * <ul>
 * <li>Quarkus registers its connection-limit gauges ({@code vertx.http.connections.current}, {@code .max}) once per
 * HTTP event-loop verticle: every verticle passes the same connection counter, so the first registration is the
 * gauge and the others are no-ops that Micrometer warns about (the same kind of bug as quarkusio/quarkus#50040).</li>
 * <li>The reactive SQL client registers its per-connection gauges ({@code postgresql.queue.size},
 * {@code postgresql.current}, tagged {@code clientType=sql}) once per connection (quarkusio/quarkus#47504).
 * {@link PerConnectionSqlGauges} denies them, but a connection the start-up opens before Micrometer has applied
 * that filter still registers them, and a second such connection warns. The warning says nothing an operator can
 * act on; the pool's own gauges are the ones to read.</li>
 * </ul>
 * Any other repeated registration still warns.
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
        if (!text.contains("already registered")) {
            return true;
        }
        return !(text.contains("name='vertx.http.connections.") || perConnectionSqlGauge(text));
    }

    private static boolean perConnectionSqlGauge(String text) {
        return text.contains("clientType=sql")
                && PerConnectionSqlGauges.NAMES.stream().anyMatch(name -> text.contains("name='" + name + "'"));
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
