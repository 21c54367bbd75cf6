/**
 * The bulk export of permits ({@code GET /v1/public/permits/export}): {@link org.epermit.sdk.export.PermitExport}
 * iterates every matching permit lazily from the NDJSON stream, in constant memory, and resumes by itself after a cut
 * connection; {@link org.epermit.sdk.service.PublicPermitService#downloadCsv} writes the CSV to a file or stream and
 * checks it arrived whole.
 */
package org.epermit.sdk.export;
