package org.epermit.api.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the HTTP server's new connections are guarded (header-read timeout, problems for refused
 * requests): Quarkus opens the socket a moment before {@link ConnectionGuard} can hook it.
 */
@Readiness
@ApplicationScoped
public class ConnectionGuardCheck implements HealthCheck {

    private final ConnectionGuard guard;

    public ConnectionGuardCheck(ConnectionGuard guard) {
        this.guard = guard;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("HTTP connections guarded").status(guard.guarding()).build();
    }
}
