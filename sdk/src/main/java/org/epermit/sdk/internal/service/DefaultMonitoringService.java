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
import org.epermit.sdk.param.MonitoringRecordParams;
import org.epermit.sdk.service.MonitoringService;

/** {@link MonitoringService} over the client's transport. */
public final class DefaultMonitoringService implements MonitoringService {

    private final Transport transport;
    private final LocalChecks checks;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     * @param checks    the checks made before any call
     */
    public DefaultMonitoringService(Transport transport, LocalChecks checks) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public MonitoringBatchReceipt send(String permitNumber, MonitoringRecordBatch batch, RequestOptions options) {
        Objects.requireNonNull(batch, "batch");
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/monitoring-records", number).json(batch),
                MonitoringBatchReceipt.class, options);
    }

    @Override
    public Page<MonitoringRecord> listPage(String permitNumber, MonitoringRecordParams params, String cursor,
                                           RequestOptions options) {
        return page(transport, "/v1/permits/{permitNumber}/monitoring-records", checks.permitNumber(permitNumber),
                params, cursor, options);
    }

    /** One page of a monitoring-record listing at {@code template} (the full or the public one). */
    static Page<MonitoringRecord> page(Transport transport, String template, String number, MonitoringRecordParams params,
                                       String cursor, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        MonitoringRecordPage page = transport.call(ApiRequest.get(template, number)
                .query("outlet", params.outlet()).query("pollutant", params.pollutant())
                .query("from", params.from()).query("to", params.to())
                .query("exceedancesOnly", params.exceedancesOnly()).query("limit", params.limit())
                .query("cursor", cursor), MonitoringRecordPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    @Override
    public MonitoringDevice registerDevice(String permitNumber, NewMonitoringDevice device, RequestOptions options) {
        Objects.requireNonNull(device, "device");
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/monitoring-devices", number).json(device),
                MonitoringDevice.class, options);
    }

    @Override
    public MonitoringDeviceList devices(String permitNumber, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.get("/v1/permits/{permitNumber}/monitoring-devices", number),
                MonitoringDeviceList.class, options);
    }

    @Override
    public void deleteDevice(String permitNumber, String mn, RequestOptions options) {
        Objects.requireNonNull(mn, "mn");
        String number = checks.permitNumber(permitNumber);
        transport.run(ApiRequest.delete("/v1/permits/{permitNumber}/monitoring-devices/{mn}", number, mn), options);
    }
}
