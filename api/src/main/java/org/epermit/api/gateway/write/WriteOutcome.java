package org.epermit.api.gateway.write;

import java.net.URI;

/**
 * What a write answers once its transaction commits.
 *
 * @param body              the response body, or {@code null} for a 204
 * @param bodyWithoutSecret the body as it may be stored: the same as {@code body} unless the body shows a secret
 *                          (an API key), which must never reach the database
 */
public record WriteOutcome(int status, URI location, Object body, Object bodyWithoutSecret) {

    public static WriteOutcome created(URI location, Object body) {
        return new WriteOutcome(201, location, body, body);
    }

    public static WriteOutcome ok(Object body) {
        return new WriteOutcome(200, null, body, body);
    }

    public static WriteOutcome noContent() {
        return new WriteOutcome(204, null, null, null);
    }

    /** This outcome, whose body shows a secret: {@code stored} is the body with the secret removed. */
    public WriteOutcome showingSecretOnce(Object stored) {
        return new WriteOutcome(status, location, body, stored);
    }

    public boolean showsSecret() {
        return body != bodyWithoutSecret;
    }
}
