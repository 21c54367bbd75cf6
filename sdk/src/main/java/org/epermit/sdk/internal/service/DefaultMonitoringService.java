package org.epermit.sdk.internal.service;

import java.util.List;
import java.util.Objects;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.LocalChecks;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.MonitoringBatchReceipt;
import org.epermit.sdk.model.MonitoringDevice;
import org.epermit.sdk.model.MonitoringDeviceList;
import org.epermit.sdk.model.MonitoringRecord;
import org.epermit.sdk.model.MonitoringRecordBatch;
import org.epermit.sdk.model.MonitoringRecordPage;
import org.epermit.sdk.model.NewMonitoringDevice;
import org.epermit.sdk.param.MonitoringRecordSearchParams;
import org.epermit.sdk.service.MonitoringService;

/** {@link MonitoringService} over the client's transport. */
public final class DefaultMonitoringService implements MonitoringService {

    /** The media type of a CSV batch. */
    static final String CSV = "text/csv";
    /** HJ 212-2017 packets travel as plain text, one per line. */
    static final String HJ212 = "text/plain";

    private final Transport transport;
    private final LocalChecks checks;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     * @param checks    the checks made before any call (the API's lookup checks, in the client's language)
     */
    public DefaultMonitoringService(Transport transport, LocalChecks checks) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public MonitoringBatchReceipt send(String permitNumber, MonitoringRecordBatch batch, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(batch, "batch");
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/monitoring-records", number).json(batch),
                MonitoringBatchReceipt.class, options);
    }

    @Override
    public MonitoringBatchReceipt sendCsv(String permitNumber, String csv, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(csv, "csv");
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/monitoring-records", number).text(CSV, csv),
                MonitoringBatchReceipt.class, options);
    }

    @Override
    public MonitoringBatchReceipt sendHj212(String permitNumber, String packets, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(packets, "packets");
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/monitoring-records", number).text(HJ212, packets),
                MonitoringBatchReceipt.class, options);
    }

    @Override
    public Page<MonitoringRecord> listPage(String permitNumber, MonitoringRecordSearchParams params, String cursor,
                                           RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        MonitoringRecordPage page = transport.call(records("/v1/permits/{permitNumber}/monitoring-records", number,
                params, cursor), MonitoringRecordPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    /** A record listing's request: a permit's records and their public disclosure take the same filters. */
    static ApiRequest records(String template, String permitNumber, MonitoringRecordSearchParams params, String cursor) {
        Objects.requireNonNull(params, "params");
        return ApiRequest.get(template, permitNumber).query("outlet", params.outlet())
                .query("pollutant", params.pollutant()).query("from", params.from()).query("to", params.to())
                .query("exceedancesOnly", params.exceedancesOnly()).query("limit", params.limit())
                .query("cursor", cursor);
    }

    @Override
    public MonitoringDevice registerDevice(String permitNumber, NewMonitoringDevice device, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(device, "device");
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/monitoring-devices", number).json(device),
                MonitoringDevice.class, options);
    }

    @Override
    public List<MonitoringDevice> devices(String permitNumber, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        MonitoringDeviceList list = transport.call(ApiRequest.get("/v1/permits/{permitNumber}/monitoring-devices",
                number), MonitoringDeviceList.class, options);
        return list.getItems() == null ? List.of() : list.getItems();
    }

    @Override
    public void deleteDevice(String permitNumber, String mn, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(mn, "mn");
        transport.run(ApiRequest.delete("/v1/permits/{permitNumber}/monitoring-devices/{mn}", number, mn), options);
    }
}
