package org.epermit.api.gateway.write;

import org.epermit.api.gateway.audit.AuditedResource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a write answers once its transaction commits, and what it acted on (for its audit row).
 *
 * @param body              the response body, or {@code null} for a 204
 * @param bodyWithoutSecret the body as it may be stored: the same as {@code body} unless the body shows a secret
 *                          (an API key), which must never reach the database
 * @param resource          the resource the write created or changed, and which fields it changed: every write's
 *                          audit row names it, so the log answers "who revoked delegation X"
 * @param events            what the write tells the event feed ({@link Outbox}), in order: every write of a domain
 *                          aggregate names one, and a write that changes two (a decision that issues a permit) names
 *                          one for each
 */
public record WriteOutcome(int status, URI location, Object body, Object bodyWithoutSecret, AuditedResource resource,
                           List<AggregateEvent> events) {

    public WriteOutcome {
        Objects.requireNonNull(resource, "a write names the resource it acted on");
        events = List.copyOf(events);
    }

    public static WriteOutcome created(AuditedResource resource, URI location, Object body) {
        return new WriteOutcome(201, location, body, body, resource, List.of());
    }

    public static WriteOutcome ok(AuditedResource resource, Object body) {
        return new WriteOutcome(200, null, body, body, resource, List.of());
    }

    public static WriteOutcome noContent(AuditedResource resource) {
        return new WriteOutcome(204, null, null, null, resource, List.of());
    }

    /** This outcome, whose body shows a secret: {@code stored} is the body with the secret removed. */
    public WriteOutcome showingSecretOnce(Object stored) {
        return new WriteOutcome(status, location, body, stored, resource, events);
    }

    /** This outcome, with one more event its write of an aggregate leaves in the outbox. */
    public WriteOutcome announcing(AggregateEvent event) {
        List<AggregateEvent> more = new ArrayList<>(events);
        more.add(Objects.requireNonNull(event));
        return new WriteOutcome(status, location, body, bodyWithoutSecret, resource, more);
    }

    public boolean showsSecret() {
        return body != bodyWithoutSecret;
    }
}
