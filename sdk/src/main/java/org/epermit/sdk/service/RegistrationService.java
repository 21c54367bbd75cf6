package org.epermit.sdk.service;

import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.RegistrationBody;
import org.epermit.sdk.model.RegistrationChange;
import org.epermit.sdk.model.RegistrationReceipt;

/**
 * Self-service registration (排污登记) of units the classification catalogue manages by registration, by the unit's
 * enterprise client or a vendor it delegated (scope {@code applications:write}): registering a site, renewing its
 * receipt and registering a change. Reached through {@link org.epermit.sdk.EPermitClient#registrations()}.
 *
 * <p>No authority decides a registration: {@link #register} answers with the receipt (登记回执), valid at once for 5
 * years and disclosed at once; {@link #renew} is taken in the 20 days before expiry (the receipt's
 * {@code renewableFrom} says from when) and adds 5 years from the old expiry; {@link #change} records what changed
 * and when, and answers with the findings it was accepted with (a change registered more than 20 days late).
 *
 * <p>Refusals: a request that fails the rules is a {@link org.epermit.sdk.errors.ValidationException} with code
 * {@code REGISTRATION_REJECTED} and one field error per failing field (its JSON pointer into the body and its code
 * from docs/registration.md); a permit's number where a receipt's is expected is a
 * {@link org.epermit.sdk.errors.ConflictException} {@code NOT_A_REGISTRATION} (permits are renewed and changed through
 * {@link ApplicationService}). Every call carries an {@code Idempotency-Key} (one per call, reused by its retries), so a
 * retry never registers, renews or changes twice.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Registrations")
public interface RegistrationService {

    /**
     * Registers a site and returns its receipt.
     *
     * @param body the registration form: the unit as the service knows it, the site, the industry class, the outlets,
     *             {@code truthful = true}
     * @return the receipt, {@code VALID}
     * @throws org.epermit.sdk.errors.ValidationException {@code REGISTRATION_REJECTED}, every failing field listed
     */
    @OperationId("register")
    default RegistrationReceipt register(RegistrationBody body) {
        return register(body, RequestOptions.none());
    }

    /**
     * Registers a site, with options (an {@code Idempotency-Key} of your own, for instance).
     *
     * @param body    the registration form
     * @param options options for this call
     * @return the receipt
     */
    @OperationId("register")
    RegistrationReceipt register(RegistrationBody body, RequestOptions options);

    /**
     * Renews a receipt for 5 more years from its expiry, in the 20 days before it expires. Calling it is the unit's
     * commitment that what it registered is still true (the request's {@code truthful = true}).
     *
     * @param permitNumber the receipt's number
     * @return the receipt with its new {@code validTo}
     * @throws org.epermit.sdk.errors.ValidationException {@code REGISTRATION_REJECTED} ({@code RENEWAL_WINDOW_NOT_OPEN}
     *                                                    with the dates, {@code REGISTRATION_EXPIRED}); also
     *                                                    {@code INVALID_PERMIT_NUMBER}, before any call, if malformed
     * @throws org.epermit.sdk.errors.ConflictException   {@code NOT_A_REGISTRATION} for a permit's number
     */
    @OperationId("renewRegistration")
    default RegistrationReceipt renew(String permitNumber) {
        return renew(permitNumber, RequestOptions.none());
    }

    /**
     * Renews a receipt, with options. The unit commits that what it registered is still true.
     *
     * @param permitNumber the receipt's number
     * @param options      options for this call
     * @return the receipt
     */
    @OperationId("renewRegistration")
    RegistrationReceipt renew(String permitNumber, RequestOptions options);

    /**
     * Registers a change of the unit or the site of a receipt.
     *
     * @param permitNumber the receipt's number
     * @param change       the day it took effect, the fields that changed, {@code truthful = true}
     * @return the receipt, with the findings the change was accepted with
     * @throws org.epermit.sdk.errors.ValidationException {@code REGISTRATION_REJECTED}, every failing field listed
     * @throws org.epermit.sdk.errors.ConflictException   {@code NOT_A_REGISTRATION} for a permit's number
     */
    @OperationId("changeRegistration")
    default RegistrationReceipt change(String permitNumber, RegistrationChange change) {
        return change(permitNumber, change, RequestOptions.none());
    }

    /**
     * Registers a change, with options.
     *
     * @param permitNumber the receipt's number
     * @param change       the change
     * @param options      options for this call
     * @return the receipt
     */
    @OperationId("changeRegistration")
    RegistrationReceipt change(String permitNumber, RegistrationChange change, RequestOptions options);
}
