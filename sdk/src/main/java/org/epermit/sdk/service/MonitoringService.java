package org.epermit.sdk.service;

import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.MonitoringBatchReceipt;
import org.epermit.sdk.model.MonitoringDevice;
import org.epermit.sdk.model.MonitoringDeviceList;
import org.epermit.sdk.model.MonitoringRecord;
import org.epermit.sdk.model.MonitoringRecordBatch;
import org.epermit.sdk.model.NewMonitoringDevice;
import org.epermit.sdk.param.MonitoringRecordParams;

/**
 * Self-monitoring data (自行监测数据) of a permit: batches of records checked against the permit version in force,
 * the records read back, and the monitoring devices (HJ 212 MN) registered to its outlets. Reached through
 * {@link org.epermit.sdk.EPermitClient#monitoring()}.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Monitoring data")
public interface MonitoringService {

    /**
     * Sends a batch of up to 10,000 records, all or nothing. Sent with an {@code Idempotency-Key} (one per call,
     * reused by its retries), so a retried batch is never stored twice; a resent record is counted as a duplicate.
     *
     * @param permitNumber the permit
     * @param batch        the records
     * @return what the batch stored
     * @throws org.epermit.sdk.errors.ValidationException {@code MONITORING_RECORDS_INVALID}, each failing field listed
     * @throws org.epermit.sdk.errors.ConflictException   {@code MONITORING_RECORD_CONFLICT}: a stored window with
     *                                                    another value
     */
    @OperationId("sendMonitoringRecords")
    default MonitoringBatchReceipt send(String permitNumber, MonitoringRecordBatch batch) {
        return send(permitNumber, batch, RequestOptions.none());
    }

    /**
     * Sends a batch of records, with options (e.g. your own idempotency key).
     *
     * @param permitNumber the permit
     * @param batch        the records
     * @param options      options for this call
     * @return what the batch stored
     */
    @OperationId("sendMonitoringRecords")
    MonitoringBatchReceipt send(String permitNumber, MonitoringRecordBatch batch, RequestOptions options);

    /**
     * Lists a permit's records in time order, fetching pages lazily.
     *
     * @param permitNumber the permit
     * @param params       filters and page size
     * @return every matching record
     */
    @OperationId("listMonitoringRecords")
    default PagedIterable<MonitoringRecord> list(String permitNumber, MonitoringRecordParams params) {
        Objects.requireNonNull(params, "params");
        return new PagedIterable<>(cursor -> listPage(permitNumber, params, cursor, RequestOptions.none()));
    }

    /**
     * Fetches one page of a permit's records.
     *
     * @param permitNumber the permit
     * @param params       filters and page size
     * @param cursor       the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options      options for this request
     * @return the page
     */
    @OperationId("listMonitoringRecords")
    Page<MonitoringRecord> listPage(String permitNumber, MonitoringRecordParams params, String cursor, RequestOptions options);

    /**
     * Registers a monitoring device (HJ 212 MN) to an outlet of the permit.
     *
     * @param permitNumber the permit
     * @param device       the MN and the outlet
     * @return the registration
     * @throws org.epermit.sdk.errors.ConflictException {@code MONITORING_DEVICE_TAKEN}
     */
    @OperationId("registerMonitoringDevice")
    default MonitoringDevice registerDevice(String permitNumber, NewMonitoringDevice device) {
        return registerDevice(permitNumber, device, RequestOptions.none());
    }

    /**
     * Registers a monitoring device, with options.
     *
     * @param permitNumber the permit
     * @param device       the MN and the outlet
     * @param options      options for this call
     * @return the registration
     */
    @OperationId("registerMonitoringDevice")
    MonitoringDevice registerDevice(String permitNumber, NewMonitoringDevice device, RequestOptions options);

    /**
     * Lists the devices registered to the permit's outlets.
     *
     * @param permitNumber the permit
     * @return the devices, by MN
     */
    @OperationId("listMonitoringDevices")
    default MonitoringDeviceList devices(String permitNumber) {
        return devices(permitNumber, RequestOptions.none());
    }

    /**
     * Lists the devices registered to the permit's outlets, with options.
     *
     * @param permitNumber the permit
     * @param options      options for this call
     * @return the devices, by MN
     */
    @OperationId("listMonitoringDevices")
    MonitoringDeviceList devices(String permitNumber, RequestOptions options);

    /**
     * Deletes a device's registration; its records stay.
     *
     * @param permitNumber the permit
     * @param mn           the device number
     * @throws org.epermit.sdk.errors.NotFoundException {@code MONITORING_DEVICE_NOT_FOUND}
     */
    @OperationId("deleteMonitoringDevice")
    default void deleteDevice(String permitNumber, String mn) {
        deleteDevice(permitNumber, mn, RequestOptions.none());
    }

    /**
     * Deletes a device's registration, with options.
     *
     * @param permitNumber the permit
     * @param mn           the device number
     * @param options      options for this call
     */
    @OperationId("deleteMonitoringDevice")
    void deleteDevice(String permitNumber, String mn, RequestOptions options);
}
