package org.epermit.sdk.service;

import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.PublicEnterprise;

/**
 * Discharge units (排污单位) and the permits they hold, open to everyone. Reached through
 * {@link org.epermit.sdk.EPermitClient#publicEnterprises()}.
 *
 * <p>Credit codes are checked locally first (length, alphabet, GB 32100 check character): a malformed one throws
 * {@link org.epermit.sdk.errors.ValidationException} ({@code INVALID_CREDIT_CODE}) without any network call.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Public enterprises")
public interface PublicEnterpriseService {

    /**
     * Reads an enterprise's public information with the permits it holds.
     *
     * @param creditCode the unified social credit code, e.g. {@code 91130200699229617X}
     * @return the enterprise
     * @throws org.epermit.sdk.errors.ValidationException {@code INVALID_CREDIT_CODE}, before any call, if malformed
     * @throws org.epermit.sdk.errors.NotFoundException   {@code ENTERPRISE_NOT_FOUND} if no enterprise has this code
     */
    @OperationId("getPublicEnterprise")
    default PublicEnterprise get(String creditCode) {
        return get(creditCode, RequestOptions.none());
    }

    /**
     * Reads an enterprise's public information, with options.
     *
     * @param creditCode the unified social credit code
     * @param options    options for this call
     * @return the enterprise
     */
    @OperationId("getPublicEnterprise")
    PublicEnterprise get(String creditCode, RequestOptions options);
}
