package org.epermit.api.gateway.idempotency;

/**
 * What a request sent with an idempotency key got the first time, as stored: replayed to every retry of it.
 *
 * @param requestSha256  digest of the first request (method, path, body): a retry must match it
 * @param secretWithheld the first response showed a secret, which is not stored and so cannot be shown again
 */
public record StoredOutcome(byte[] requestSha256, int status, String location, String body, boolean secretWithheld) {
}
