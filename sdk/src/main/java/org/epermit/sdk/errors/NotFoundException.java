package org.epermit.sdk.errors;

/**
 * Nothing exists under the identifier given (HTTP 404): codes {@code PERMIT_NOT_FOUND}, {@code ENTERPRISE_NOT_FOUND},
 * {@code RESOURCE_NOT_FOUND} (e.g. a permit version that does not exist).
 */
public class NotFoundException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     */
    public NotFoundException(ErrorDetails details) {
        super(details, "Check the identifier: it is well-formed, but the API has nothing under it. "
                + "If it came from another system, that system may hold a number the API does not know.", null);
    }
}
