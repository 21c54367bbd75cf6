package org.epermit.sdk.monitoring;

import java.util.Objects;
import org.epermit.sdk.model.MonitoringBatchReceipt;

/**
 * One batch of an upload that the service accepted.
 *
 * @param index   the batch's index in the upload, from 0
 * @param records the records it held
 * @param receipt what the service did with it (inserted, duplicates, exceedances)
 */
public record BatchResult(int index, int records, MonitoringBatchReceipt receipt) {

    /**
     * Checks the components.
     *
     * @param index   the index
     * @param records the record count
     * @param receipt the service's answer
     */
    public BatchResult {
        Objects.requireNonNull(receipt, "receipt");
    }
}
