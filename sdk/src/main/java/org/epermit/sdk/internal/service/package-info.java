/**
 * The services' implementations: each operation described as an {@link org.epermit.sdk.internal.ApiRequest} (the
 * contract's method, path, parameters and body, after the local checks) and sent through the client's
 * {@link org.epermit.sdk.internal.Transport}. <strong>Not part of the SDK's API</strong>: use the interfaces of
 * {@link org.epermit.sdk.service} through {@link org.epermit.sdk.EPermitClient}.
 */
package org.epermit.sdk.internal.service;
