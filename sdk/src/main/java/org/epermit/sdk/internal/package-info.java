/**
 * The SDK's hand-written machinery under {@link org.epermit.sdk.EPermitClient}: the transport (retries with backoff,
 * timeouts, {@code Retry-After}, idempotency keys, headers), authentication, and the mapping of problem documents to
 * typed exceptions. Public only so the service classes can reach it; <strong>not part of the SDK's API</strong> and may
 * change in any release.
 */
package org.epermit.sdk.internal;
