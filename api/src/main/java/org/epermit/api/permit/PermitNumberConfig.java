package org.epermit.api.permit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The identification letters (HJ 608-2017 标识码, the 22nd character) of the permit numbers this service issues.
 * They bind only what the service issues: a number a caller sends refers to a permit that may exist and may end with
 * any upper-case letter ({@link org.epermit.api.common.PermitNumber}), since the standard confirms no letter but
 * {@code P} and defines no check there.
 */
@ConfigMapping(prefix = "epermit.permit-number")
public interface PermitNumberConfig {

    /** The letter on permits. */
    @WithDefault("P")
    char permitLetter();

    /** The letter on registration receipts (排污登记), which varies by province; commonly W. */
    @WithDefault("W")
    char registrationLetter();
}
