/**
 * <strong>Generated</strong> low-level API classes and invoker (OpenAPI Generator, {@code native} library), never
 * edited by hand and not part of the SDK's public API: they may change with any release. Use
 * {@link org.epermit.sdk.EPermitClient} instead, which drives them through its own transport (retries, timeouts,
 * authentication, typed errors).
 */
package org.epermit.sdk.internal.generated;
