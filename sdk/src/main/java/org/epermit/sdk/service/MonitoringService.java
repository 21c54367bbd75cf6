package org.epermit.sdk.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.MonitoringBatchReceipt;
import org.epermit.sdk.model.MonitoringDevice;
import org.epermit.sdk.model.MonitoringRecord;
import org.epermit.sdk.model.MonitoringRecordBatch;
import org.epermit.sdk.model.NewMonitoringDevice;
import org.epermit.sdk.model.NewMonitoringRecord;
import org.epermit.sdk.param.MonitoringRecordSearchParams;

/**
 * Self-monitoring data (自行监测数据) of the permits the caller files for (scope {@code filings:write}): batches of
 * records as JSON, CSV or HJ 212-2017 packets, reading them back, and the monitoring devices (HJ 212 MN) registered to a permit's outlets.
 * Reached through {@link org.epermit.sdk.EPermitClient#monitoring()}.
 *
 * <p>A batch holds 1 to 10,000 records and is accepted or refused whole: one invalid record refuses it with a
 * {@link org.epermit.sdk.errors.ValidationException} ({@code MONITORING_RECORDS_INVALID}) listing the failing records
 * as {@code body.records[i].field}; a record stored earlier with another value refuses it with a
 * {@link org.epermit.sdk.errors.ConflictException}; an identical resend is counted as a duplicate and not stored
 * again. Every batch carries an {@code Idempotency-Key} (one per call, reused by its retries). For more records than
 * one batch holds, {@link org.epermit.sdk.monitoring.MonitoringUploader} splits them into batches with stable keys
 * and resumes after a failure.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Monitoring data")
public interface MonitoringService {

    /** The most records one batch may hold (the service's {@code epermit.monitoring.max-batch-records} default). */
    int MAX_BATCH_RECORDS = 10_000;

    /**
     * Sends a batch of records as JSON.
     *
     * @param permitNumber the permit number
     * @param records      1 to 10,000 records
     * @return what the batch did: received, inserted, duplicates, exceedances
     * @throws org.epermit.sdk.errors.ValidationException {@code MONITORING_RECORDS_INVALID}, every failing record
     *                                                    listed by index
     * @throws org.epermit.sdk.errors.ConflictException   a record is stored with another value
     */
    @OperationId("sendMonitoringRecords")
    default MonitoringBatchReceipt send(String permitNumber, List<NewMonitoringRecord> records) {
        return send(permitNumber, records, RequestOptions.none());
    }

    /**
     * Sends a batch of records as JSON, with options (e.g. your own idempotency key).
     *
     * @param permitNumber the permit number
     * @param records      1 to 10,000 records
     * @param options      options for this call
     * @return what the batch did
     */
    @OperationId("sendMonitoringRecords")
    default MonitoringBatchReceipt send(String permitNumber, List<NewMonitoringRecord> records, RequestOptions options) {
        Objects.requireNonNull(records, "records");
        return send(permitNumber, new MonitoringRecordBatch().records(List.copyOf(records)), options);
    }

    /**
     * Sends a batch of records as JSON, given as the contract's batch model.
     *
     * @param permitNumber the permit number
     * @param batch        the batch
     * @param options      options for this call
     * @return what the batch did
     */
    @OperationId("sendMonitoringRecords")
    MonitoringBatchReceipt send(String permitNumber, MonitoringRecordBatch batch, RequestOptions options);

    /**
     * Sends a batch of records as CSV ({@code text/csv}, UTF-8): a header line naming the JSON fields
     * ({@code outletCode,pollutantCode,kind,averaging,from,value,unit} and optionally {@code to,flag}, in any order),
     * then one record per line, as stations' exports write it. A byte-order mark is allowed.
     *
     * @param permitNumber the permit number
     * @param csv          the CSV text
     * @return what the batch did
     */
    @OperationId("sendMonitoringRecords")
    default MonitoringBatchReceipt sendCsv(String permitNumber, String csv) {
        return sendCsv(permitNumber, csv, RequestOptions.none());
    }

    /**
     * Sends a batch of records as CSV text, with options.
     *
     * @param permitNumber the permit number
     * @param csv          the CSV text
     * @param options      options for this call
     * @return what the batch did
     */
    @OperationId("sendMonitoringRecords")
    MonitoringBatchReceipt sendCsv(String permitNumber, String csv, RequestOptions options);

    /**
     * Sends a CSV file of at most 10,000 records as one batch (read whole first, so that a retry sends the same
     * bytes). For larger files, use {@link org.epermit.sdk.monitoring.MonitoringUploader#uploadCsv(Path)}.
     *
     * @param permitNumber the permit number
     * @param csvFile      the file, UTF-8
     * @param options      options for this call
     * @return what the batch did
     * @throws UncheckedIOException when the file cannot be read
     */
    @OperationId("sendMonitoringRecords")
    default MonitoringBatchReceipt sendCsv(String permitNumber, Path csvFile, RequestOptions options) {
        Objects.requireNonNull(csvFile, "csvFile");
        try {
            return sendCsv(permitNumber, Files.readString(csvFile, StandardCharsets.UTF_8), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csvFile, e);
        }
    }

    /**
     * Sends CSV read from a stream as one batch: the stream is read to its end first (so that a retry sends the same
     * bytes), and not closed.
     *
     * @param permitNumber the permit number
     * @param csv          the stream, UTF-8
     * @param options      options for this call
     * @return what the batch did
     * @throws UncheckedIOException when the stream cannot be read
     */
    @OperationId("sendMonitoringRecords")
    default MonitoringBatchReceipt sendCsv(String permitNumber, InputStream csv, RequestOptions options) {
        Objects.requireNonNull(csv, "csv");
        try {
            return sendCsv(permitNumber, new String(csv.readAllBytes(), StandardCharsets.UTF_8), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CSV stream", e);
        }
    }

    /**
     * Sends HJ 212-2017 packets ({@code text/plain}) as one batch, as an online monitoring station's data logger frames
     * them: {@code ##}, the 4-digit length, the data segment, the CRC16, one packet per line. Data uploads only
     * ({@code CN} 2011 real-time, 2051 minute, 2061 hourly, 2031 daily). Each packet's {@code MN} must be registered to
     * an outlet of the permit ({@link #registerDevice}); each pollutant value becomes an {@code AUTOMATIC} record.
     * A packet that cannot be read or routed refuses the batch with a
     * {@link org.epermit.sdk.errors.ValidationException} naming it as {@code body.packets[p]} (e.g.
     * {@code body.packets[2].CRC}, {@code body.packets[0].MN}).
     *
     * @param permitNumber the permit number
     * @param packets      the packets, each with or without its CRLF; together at most 10,000 pollutant values
     * @return what the batch did
     */
    @OperationId("sendMonitoringRecords")
    default MonitoringBatchReceipt sendHj212(String permitNumber, List<String> packets) {
        return sendHj212(permitNumber, packets, RequestOptions.none());
    }

    /**
     * Sends HJ 212-2017 packets as one batch, with options.
     *
     * @param permitNumber the permit number
     * @param packets      the packets, each with or without its CRLF
     * @param options      options for this call
     * @return what the batch did
     */
    @OperationId("sendMonitoringRecords")
    default MonitoringBatchReceipt sendHj212(String permitNumber, List<String> packets, RequestOptions options) {
        Objects.requireNonNull(packets, "packets");
        StringBuilder body = new StringBuilder();
        for (String packet : packets) {
            Objects.requireNonNull(packet, "packet");
            body.append(packet.strip()).append("\r\n");
        }
        return sendHj212(permitNumber, body.toString(), options);
    }

    /**
     * Sends a body of HJ 212-2017 packets, one per line (CRLF or LF), as one batch.
     *
     * @param permitNumber the permit number
     * @param packets      the packets, one per line
     * @param options      options for this call
     * @return what the batch did
     */
    @OperationId("sendMonitoringRecords")
    MonitoringBatchReceipt sendHj212(String permitNumber, String packets, RequestOptions options);

    /**
     * Lists a permit's records in time order, fetching pages lazily.
     *
     * @param permitNumber the permit number
     * @param params       the filters ({@link MonitoringRecordSearchParams#all()} for every record)
     * @return the records
     */
    @OperationId("listMonitoringRecords")
    default PagedIterable<MonitoringRecord> list(String permitNumber, MonitoringRecordSearchParams params) {
        return list(permitNumber, params, RequestOptions.none());
    }

    /**
     * Lists a permit's records, fetching pages lazily, with options for each page's request.
     *
     * @param permitNumber the permit number
     * @param params       the filters
     * @param options      options for each page's request
     * @return the records
     */
    @OperationId("listMonitoringRecords")
    default PagedIterable<MonitoringRecord> list(String permitNumber, MonitoringRecordSearchParams params,
                                                 RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> listPage(permitNumber, params, cursor, options));
    }

    /**
     * Fetches one page of a permit's records.
     *
     * @param permitNumber the permit number
     * @param params       the filters; the same as for the page the cursor came from
     * @param cursor       the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options      options for this request
     * @return the page
     */
    @OperationId("listMonitoringRecords")
    Page<MonitoringRecord> listPage(String permitNumber, MonitoringRecordSearchParams params, String cursor,
                                    RequestOptions options);

    /**
     * Registers a monitoring station's device number (HJ 212 MN) to an outlet of the permit, so that its packets
     * are the outlet's records. Registering the same MN to the same outlet again answers the registration.
     *
     * @param permitNumber the permit number
     * @param device       the MN and the outlet code
     * @return the registration
     * @throws org.epermit.sdk.errors.ConflictException the MN is registered elsewhere
     */
    @OperationId("registerMonitoringDevice")
    default MonitoringDevice registerDevice(String permitNumber, NewMonitoringDevice device) {
        return registerDevice(permitNumber, device, RequestOptions.none());
    }

    /**
     * Registers a monitoring device, with options.
     *
     * @param permitNumber the permit number
     * @param device       the MN and the outlet code
     * @param options      options for this call
     * @return the registration
     */
    @OperationId("registerMonitoringDevice")
    MonitoringDevice registerDevice(String permitNumber, NewMonitoringDevice device, RequestOptions options);

    /**
     * Lists the devices registered to a permit's outlets, by MN.
     *
     * @param permitNumber the permit number
     * @return the devices
     */
    @OperationId("listMonitoringDevices")
    default List<MonitoringDevice> devices(String permitNumber) {
        return devices(permitNumber, RequestOptions.none());
    }

    /**
     * Lists the devices registered to a permit's outlets, with options.
     *
     * @param permitNumber the permit number
     * @param options      options for this call
     * @return the devices
     */
    @OperationId("listMonitoringDevices")
    List<MonitoringDevice> devices(String permitNumber, RequestOptions options);

    /**
     * Removes a device's registration: its packets no longer route to the outlet; records already stored stay.
     *
     * @param permitNumber the permit number
     * @param mn           the device number
     */
    @OperationId("deleteMonitoringDevice")
    default void deleteDevice(String permitNumber, String mn) {
        deleteDevice(permitNumber, mn, RequestOptions.none());
    }

    /**
     * Removes a device's registration, with options.
     *
     * @param permitNumber the permit number
     * @param mn           the device number
     * @param options      options for this call
     */
    @OperationId("deleteMonitoringDevice")
    void deleteDevice(String permitNumber, String mn, RequestOptions options);
}
