package org.epermit.sdk.monitoring;

import java.util.Objects;
import org.epermit.sdk.errors.EPermitException;

/**
 * A batch of an upload failed: the batches before it were accepted, the failed one and those after it were not sent
 * (or not accepted). {@link #getCause()} is the typed failure of the batch (e.g. a
 * {@link org.epermit.sdk.errors.ValidationException} listing its invalid records, or a
 * {@link org.epermit.sdk.errors.ConnectionException}); once its cause is dealt with, resume from
 * {@link #failedBatch()}, or simply run the whole upload again: accepted batches are replayed, not stored twice.
 */
public final class MonitoringUploadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int failedBatch;
    private final transient UploadResult completed;

    /**
     * Creates the exception.
     *
     * @param failedBatch the index of the batch that failed, from 0
     * @param completed   the batches this run had sent and the service accepted before it
     * @param cause       the batch's failure
     */
    public MonitoringUploadException(int failedBatch, UploadResult completed, EPermitException cause) {
        super("Batch " + failedBatch + " of the upload failed (" + cause.getCode() + "): "
                + Objects.requireNonNull(cause, "cause").getMessage() + "\nThe batches before it were accepted ("
                + completed.batches().size() + " in this run); resume from batch " + failedBatch
                + " with the same upload id once the cause is fixed.", cause);
        this.failedBatch = failedBatch;
        this.completed = Objects.requireNonNull(completed, "completed");
    }

    /**
     * The batch that failed: pass it to {@code upload(records, fromBatch)} to resume.
     *
     * @return its index, from 0
     */
    public int failedBatch() {
        return failedBatch;
    }

    /**
     * The batches this run sent and the service accepted before the failure.
     *
     * @return the partial result
     */
    public UploadResult completed() {
        return completed;
    }

    /**
     * The failure of the batch.
     *
     * @return the typed failure
     */
    @Override
    public synchronized EPermitException getCause() {
        return (EPermitException) super.getCause();
    }
}
