package org.epermit.sdk.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.EPermitException;
import org.epermit.sdk.model.MonitoringBatchReceipt;
import org.epermit.sdk.model.NewMonitoringRecord;
import org.epermit.sdk.service.MonitoringService;

/**
 * Uploads more monitoring records than one batch holds: splits them (a list, any iterable, or a CSV file) into
 * batches of at most {@link MonitoringService#MAX_BATCH_RECORDS} records, sends them one after another, and gives
 * each batch its own <em>stable</em> idempotency key, made of the upload id, the batch size and the batch's index.
 *
 * <p>Stable keys make an upload safe to run again: after a crash or a failed batch, running the same upload (same
 * upload id, same records, same batch size) resends the same keys, and the service answers each batch it had already
 * accepted with its first answer instead of storing it again (within its idempotency retention, 24 hours by default;
 * after that, identical records are counted as duplicates and not stored again either). So there are two ways to
 * resume: run it all again (replays are cheap), or start from the failed batch,
 * {@link MonitoringUploadException#failedBatch()}.
 *
 * <pre>{@code
 * MonitoringUploader uploader = MonitoringUploader.builder(client.monitoring(), permitNumber)
 *         .uploadId("station-7-2025-11")     // yours, stable across re-runs of this upload
 *         .batchSize(5_000)
 *         .build();
 * try {
 *     UploadResult done = uploader.upload(records);
 * } catch (MonitoringUploadException e) {
 *     // fix e.getCause() if it is about the data, then:
 *     uploader.upload(records, e.failedBatch());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; the records must not change between a run and its resume (a changed batch under the
 * same key is an {@link org.epermit.sdk.errors.IdempotencyConflictException}).
 */
public final class MonitoringUploader {

    /** The batch size unless one is set: half the largest batch, so that a batch stays well within the limits. */
    public static final int DEFAULT_BATCH_SIZE = 5_000;

    /** Printable ASCII without spaces, leaving room for the batch size and index in a key of at most 255. */
    private static final Pattern UPLOAD_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final MonitoringService service;
    private final String permitNumber;
    private final String uploadId;
    private final int batchSize;
    private final RequestOptions options;

    private MonitoringUploader(Builder b) {
        this.service = b.service;
        this.permitNumber = b.permitNumber;
        this.uploadId = Objects.requireNonNull(b.uploadId, "uploadId: set a stable id for this upload");
        this.batchSize = b.batchSize;
        this.options = b.options;
    }

    /**
     * Starts configuring an uploader.
     *
     * @param service      the monitoring service, {@code client.monitoring()}
     * @param permitNumber the permit the records belong to
     * @return a new builder
     */
    public static Builder builder(MonitoringService service, String permitNumber) {
        return new Builder(service, permitNumber);
    }

    /**
     * The idempotency key a batch is sent with: {@code <uploadId>/<batchSize>/<index>}.
     *
     * @param batchIndex the batch's index, from 0
     * @return the key
     */
    public String idempotencyKey(int batchIndex) {
        return uploadId + "/" + batchSize + "/" + batchIndex;
    }

    /**
     * Uploads records, every batch.
     *
     * @param records the records, in the order they are batched in (iterated once)
     * @return the accepted batches
     * @throws MonitoringUploadException when a batch fails; the batches before it were accepted
     */
    public UploadResult upload(Iterable<NewMonitoringRecord> records) {
        return upload(records, 0);
    }

    /**
     * Uploads records from a batch on: the batches before {@code fromBatch} are skipped (not sent), so the records
     * must be the same as in the run being resumed.
     *
     * @param records   the records, in the same order as before
     * @param fromBatch the first batch to send, e.g. {@link MonitoringUploadException#failedBatch()}; 0 for all
     * @return the batches accepted by this run
     * @throws MonitoringUploadException when a batch fails
     */
    public UploadResult upload(Iterable<NewMonitoringRecord> records, int fromBatch) {
        Objects.requireNonNull(records, "records");
        requireIndex(fromBatch);
        List<BatchResult> done = new ArrayList<>();
        List<NewMonitoringRecord> batch = new ArrayList<>(Math.min(batchSize, 1024));
        int index = 0;
        for (NewMonitoringRecord record : records) {
            batch.add(Objects.requireNonNull(record, "record"));
            if (batch.size() == batchSize) {
                sendRecords(index++, fromBatch, batch, done);
                batch = new ArrayList<>(Math.min(batchSize, 1024));
            }
        }
        if (!batch.isEmpty()) {
            sendRecords(index, fromBatch, batch, done);
        }
        return new UploadResult(done);
    }

    /**
     * Uploads a CSV file ({@code text/csv}, UTF-8, with or without a byte-order mark), every batch: its header line
     * is repeated at the top of each batch of at most {@code batchSize} records. Quoted fields may hold commas and
     * line breaks; empty lines are skipped. The file is read as it is sent, never whole.
     *
     * @param csvFile the file: a header line naming the fields, then one record per line
     * @return the accepted batches
     * @throws MonitoringUploadException when a batch fails
     * @throws UncheckedIOException      when the file cannot be read
     */
    public UploadResult uploadCsv(Path csvFile) {
        return uploadCsv(csvFile, 0);
    }

    /**
     * Uploads a CSV file from a batch on; the batches before {@code fromBatch} are read but not sent.
     *
     * @param csvFile   the same file as in the run being resumed
     * @param fromBatch the first batch to send; 0 for all
     * @return the batches accepted by this run
     * @throws MonitoringUploadException when a batch fails
     * @throws UncheckedIOException      when the file cannot be read
     */
    public UploadResult uploadCsv(Path csvFile, int fromBatch) {
        Objects.requireNonNull(csvFile, "csvFile");
        requireIndex(fromBatch);
        List<BatchResult> done = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8)) {
            String header = nextRecord(in);
            if (header == null) {
                return new UploadResult(done);
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1); // one header per batch: the mark belongs to the file, not to each batch
            }
            StringBuilder batch = new StringBuilder(header).append('\n');
            int count = 0;
            int index = 0;
            for (String record = nextRecord(in); record != null; record = nextRecord(in)) {
                if (record.isBlank()) {
                    continue;
                }
                batch.append(record).append('\n');
                if (++count == batchSize) {
                    sendCsv(index++, fromBatch, batch.toString(), count, done);
                    batch.setLength(0);
                    batch.append(header).append('\n');
                    count = 0;
                }
            }
            if (count > 0) {
                sendCsv(index, fromBatch, batch.toString(), count, done);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csvFile, e);
        }
        return new UploadResult(done);
    }

    /**
     * The next CSV record: a line, joined with the following ones while a quoted field is open (an odd number of
     * quotes so far; an escaped quote {@code ""} counts twice and so changes nothing).
     */
    private static String nextRecord(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        StringBuilder record = new StringBuilder(line);
        int quotes = count(line);
        while (quotes % 2 == 1) {
            String more = in.readLine();
            if (more == null) {
                break; // an unclosed quote: the service says what is wrong with it
            }
            record.append('\n').append(more);
            quotes += count(more);
        }
        return record.toString();
    }

    private static int count(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    private void sendRecords(int index, int fromBatch, List<NewMonitoringRecord> batch, List<BatchResult> done) {
        if (index < fromBatch) {
            return;
        }
        try {
            MonitoringBatchReceipt receipt = service.send(permitNumber, batch, keyed(index));
            done.add(new BatchResult(index, batch.size(), receipt));
        } catch (EPermitException e) {
            throw new MonitoringUploadException(index, new UploadResult(done), e);
        }
    }

    private void sendCsv(int index, int fromBatch, String csv, int records, List<BatchResult> done) {
        if (index < fromBatch) {
            return;
        }
        try {
            MonitoringBatchReceipt receipt = service.sendCsv(permitNumber, csv, keyed(index));
            done.add(new BatchResult(index, records, receipt));
        } catch (EPermitException e) {
            throw new MonitoringUploadException(index, new UploadResult(done), e);
        }
    }

    private RequestOptions keyed(int index) {
        return options.toBuilder().idempotencyKey(idempotencyKey(index)).build();
    }

    private static void requireIndex(int fromBatch) {
        if (fromBatch < 0) {
            throw new IllegalArgumentException("fromBatch is a batch index from 0, got " + fromBatch);
        }
    }

    /**
     * Describes the uploader.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "MonitoringUploader[permit=" + permitNumber + ", uploadId=" + uploadId + ", batchSize=" + batchSize + "]";
    }

    /** Builds a {@link MonitoringUploader}. */
    public static final class Builder {
        private final MonitoringService service;
        private final String permitNumber;
        private String uploadId;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private RequestOptions options = RequestOptions.none();

        private Builder(MonitoringService service, String permitNumber) {
            this.service = Objects.requireNonNull(service, "service");
            this.permitNumber = Objects.requireNonNull(permitNumber, "permitNumber");
        }

        /**
         * Names the upload, so that a re-run sends the same idempotency keys: derive it from your own data, e.g.
         * the station and the month ({@code station-7-2025-11}) or your export file's id. Required.
         *
         * @param uploadId 1 to 200 printable ASCII characters without spaces
         * @return this builder
         * @throws IllegalArgumentException for any other id
         */
        public Builder uploadId(String uploadId) {
            if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
                throw new IllegalArgumentException("an upload id is 1 to 200 printable ASCII characters without "
                        + "spaces, got " + uploadId);
            }
            this.uploadId = uploadId;
            return this;
        }

        /**
         * Sets the records per batch. Part of each key: a re-run must use the same size to be replayed.
         *
         * @param batchSize 1 to {@link MonitoringService#MAX_BATCH_RECORDS}; {@link #DEFAULT_BATCH_SIZE} unless set
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > MonitoringService.MAX_BATCH_RECORDS) {
                throw new IllegalArgumentException("a batch holds 1 to " + MonitoringService.MAX_BATCH_RECORDS
                        + " records, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the options every batch's request is sent with (timeouts, retries, headers); the idempotency key is
         * always the batch's own.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(RequestOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Builds the uploader.
         *
         * @return the immutable uploader
         * @throws NullPointerException when no upload id was set
         */
        public MonitoringUploader build() {
            return new MonitoringUploader(this);
        }
    }
}
