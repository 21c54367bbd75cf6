package org.epermit.sdk.errors;

/**
 * The request was rejected because of its input (HTTP 400, or 422): codes {@code VALIDATION_FAILED},
 * {@code INVALID_PERMIT_NUMBER}, {@code INVALID_CREDIT_CODE}, {@code INVALID_CURSOR}, {@code MALFORMED_REQUEST},
 * {@code FILING_REJECTED} (an execution report fails the permit's rules), {@code MONITORING_RECORDS_INVALID} (a
 * monitoring batch is refused whole). {@link #getFieldErrors()} names every failing field with a reason code
 * ({@code RANGE}, {@code CHECKSUM}, ...; for a filing, the {@link org.epermit.sdk.model.FilingCode} and the JSON
 * pointer into the report's content, e.g. {@code /actualEmissions/0/tonnes}).
 *
 * <p>Also thrown <em>before any call</em> when the SDK can see the input is wrong without asking (a credit code with a
 * wrong check character, a malformed permit number): then {@link #getAttempts()} is 0, there is no request id, and
 * code and field errors are the ones the API would have given.
 */
public class ValidationException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     */
    public ValidationException(ErrorDetails details) {
        super(details, advice(details.code()), null);
    }

    private static String advice(String code) {
        if ("INVALID_CURSOR".equals(code)) {
            return "Start the listing again from its first page: a cursor is only valid with the filters it came with, "
                    + "and it expires.";
        }
        return "Correct the input named above and send the request again; sent unchanged it will fail the same way.";
    }
}
