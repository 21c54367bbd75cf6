package org.epermit.sdk.monitoring;

import java.util.List;
import java.util.function.ToIntFunction;
import org.epermit.sdk.model.MonitoringBatchReceipt;

/**
 * What an upload (or its part since a resume) did: the accepted batches in order, and their totals.
 *
 * @param batches the batches sent and accepted by this run, in order
 */
public record UploadResult(List<BatchResult> batches) {

    /**
     * Copies the list.
     *
     * @param batches the batches
     */
    public UploadResult {
        batches = List.copyOf(batches);
    }

    /**
     * Records sent in the accepted batches.
     *
     * @return the count
     */
    public long received() {
        return batches.stream().mapToLong(BatchResult::records).sum();
    }

    /**
     * Records newly stored.
     *
     * @return the count
     */
    public long inserted() {
        return sum(MonitoringBatchReceipt::getInserted);
    }

    /**
     * Records already stored with the same value (a resend), not stored again.
     *
     * @return the count
     */
    public long duplicates() {
        return sum(MonitoringBatchReceipt::getDuplicates);
    }

    /**
     * Newly stored records outside the permit's limit.
     *
     * @return the count
     */
    public long exceedances() {
        return sum(MonitoringBatchReceipt::getExceedances);
    }

    private long sum(ToIntFunction<MonitoringBatchReceipt> count) {
        return batches.stream().mapToLong(b -> count.applyAsInt(b.receipt())).sum();
    }
}
