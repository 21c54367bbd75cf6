package org.epermit.api.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Leaves out the reactive SQL client's two per-connection gauges, {@code postgresql.queue.size} and
 * {@code postgresql.current}. The client creates its metrics once per connection (vertx-sql-client 4.5's
 * PgConnectionFactory), each with counters of its own, but a gauge of a given name and tags can be registered only
 * once: the first connection's gauge is kept and every later one is ignored, with a start-up warning when a second
 * connection opens (quarkusio/quarkus#47504). The kept gauge would report one connection of the pool as if it were
 * the pool. The pool's own gauges ({@code sql.pool.queue.size}, {@code sql.pool.active}, {@code sql.pool.idle}, {@code sql.pool.ratio},
 * tagged with the pool's name) count every connection; the client's timers and counters are shared across
 * connections by Micrometer and stay.
 */
@Singleton
public class PerConnectionSqlGauges {

    static final Set<String> NAMES = Set.of("postgresql.queue.size", "postgresql.current");

    @Produces
    @Singleton
    MeterFilter withoutPerConnectionSqlGauges() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return id.getType() == Meter.Type.GAUGE && NAMES.contains(id.getName())
                        && "sql".equals(id.getTag("clientType")) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }
        };
    }
}
