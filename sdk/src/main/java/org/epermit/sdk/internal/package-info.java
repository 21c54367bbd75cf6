/**
 * The SDK's hand-written machinery under {@link org.epermit.sdk.EPermitClient}: the transport (requests built from
 * the contract's operations, retries with backoff, timeouts, {@code Retry-After}, idempotency keys, headers, JSON),
 * authentication, and the mapping of problem documents to typed exceptions. Public only so the client and the
 * services' implementations can reach it; <strong>not part of the SDK's API</strong> and may change in any release.
 */
package org.epermit.sdk.internal;
