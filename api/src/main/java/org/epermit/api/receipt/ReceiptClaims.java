package org.epermit.api.receipt;

import java.time.Instant;

/**
 * What a receipt (回执) states: that the service accepted this version of this execution report, when, and the digest
 * of exactly the content it accepted. It is the receipt's JWS payload, written as JSON with these field names.
 *
 * @param receiptId     the receipt's own identifier, unique per receipt
 * @param reportId      the execution report's identifier
 * @param reportVersion the version of the report that was accepted (a correction is a new version and a new receipt)
 * @param permitNumber  the permit the report is filed under (HJ 608-2017)
 * @param permitVersion the permit's version the report was checked against
 * @param reportType    {@code ANNUAL}, {@code SEMIANNUAL}, {@code QUARTERLY} or {@code MONTHLY}
 * @param period        the reported period ({@code 2024}, {@code 2024-H1}, {@code 2024-Q3}, {@code 2024-07})
 * @param acceptedAt    when the service accepted the report
 * @param contentSha256 lowercase hex SHA-256 of the report version's content in canonical JSON (RFC 8785), see
 *                      {@link ContentDigest}
 * @param late          whether the report was accepted after its deadline
 */
public record ReceiptClaims(String receiptId, long reportId, int reportVersion, String permitNumber, int permitVersion,
                            String reportType, String period, Instant acceptedAt, String contentSha256, boolean late) {
}
