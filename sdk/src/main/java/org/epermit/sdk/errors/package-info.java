/**
 * The SDK's exceptions: one unchecked {@link org.epermit.sdk.errors.EPermitException} with a subclass per kind of
 * failure, each carrying the HTTP status, the API's stable error {@code code}, the request id and the failing fields.
 *
 * <pre>{@code
 * try {
 *     client.publicPermits().get(number);
 * } catch (NotFoundException e) {        // 404: no such permit
 * } catch (ValidationException e) {      // 400: e.getFieldErrors() says what to fix
 * } catch (RateLimitedException e) {     // 429 after the SDK's own retries: e.getRetryAfter()
 * } catch (EPermitException e) {         // anything else; quote e.getRequestId() to support
 * }
 * }</pre>
 *
 * <p>Branch on the type or on {@link org.epermit.sdk.errors.EPermitException#getCode()}; the message is for people.
 */
package org.epermit.sdk.errors;
