package org.epermit.sdk.receipt;

import java.time.Instant;

/**
 * What a verified receipt states: the service accepted this version of this execution report, at this time, with
 * exactly the content whose digest is {@code contentSha256}.
 *
 * @param receiptId     the receipt's own identifier
 * @param reportId      the execution report's identifier
 * @param reportVersion the version of the report that was accepted
 * @param permitNumber  the permit the report is filed under (HJ 608-2017)
 * @param permitVersion the permit's version the report was checked against
 * @param reportType    {@code ANNUAL}, {@code SEMIANNUAL}, {@code QUARTERLY} or {@code MONTHLY}
 * @param period        the reported period ({@code 2024}, {@code 2024-H1}, {@code 2024-Q3}, {@code 2024-07})
 * @param acceptedAt    when the service accepted the report
 * @param contentSha256 lowercase hex SHA-256 of the report content's canonical JSON (RFC 8785); check a copy of
 *                      the content with {@link ReceiptVerifier#contentMatches(ReceiptClaims, String)}
 * @param late          whether the report was accepted after its deadline
 */
public record ReceiptClaims(String receiptId, long reportId, int reportVersion, String permitNumber, int permitVersion,
                            String reportType, String period, Instant acceptedAt, String contentSha256, boolean late) {
}
