package org.epermit.api.monitoring;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.common.TimeConfig;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL of monitoring_device: which station (MN) measures which outlet of which permit. */
@ApplicationScoped
public class MonitoringDevices {

    private final Pool pool;
    private final ZoneId zone;

    public MonitoringDevices(Pool pool, TimeConfig time) {
        this.pool = pool;
        this.zone = time.zone();
    }

    /** The outlet of each device registered to the permit, by MN: how HJ 212 packets are routed to an outlet. */
    public Uni<Map<String, String>> outletsByDevice(long permitId) {
        return pool.preparedQuery("SELECT mn, outlet_code FROM monitoring_device WHERE permit_id = $1 ORDER BY mn")
                .execute(Tuple.of(permitId)).map(rows -> {
                    Map<String, String> outlets = new LinkedHashMap<>();
                    rows.forEach(r -> outlets.put(r.getString("mn"), r.getString("outlet_code")));
                    return outlets;
                });
    }

    public Uni<List<MonitoringDeviceView.Device>> list(long permitId) {
        return pool.preparedQuery("SELECT mn, outlet_code, registered_at FROM monitoring_device WHERE permit_id = $1 ORDER BY mn")
                .execute(Tuple.of(permitId)).map(rows -> {
                    List<MonitoringDeviceView.Device> devices = new ArrayList<>();
                    rows.forEach(r -> devices.add(device(r)));
                    return devices;
                });
    }

    /**
     * Registers {@code mn} to the permit's outlet through {@code tx}; whether it was new ({@code false}: it already was,
     * to this outlet). An MN registered to another permit, or to another outlet of this one, is refused with
     * {@code MONITORING_DEVICE_TAKEN}: a station measures one outlet, and moving it is a deletion first.
     */
    Uni<Registration> register(SqlClient tx, long permitId, String permitNumber, String mn, String outletCode,
                               OffsetDateTime now, UUID by) {
        return tx.preparedQuery("""
                        INSERT INTO monitoring_device (mn, permit_id, outlet_code, registered_at, registered_by)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (mn) DO NOTHING""")
                .execute(Tuple.of(mn, permitId, outletCode, now, by))
                .flatMap(inserted -> tx.preparedQuery("""
                                SELECT d.mn, d.outlet_code, d.registered_at, d.permit_id, p.permit_number
                                FROM monitoring_device d JOIN permit p ON p.id = d.permit_id WHERE d.mn = $1""")
                        .execute(Tuple.of(mn)).map(rows -> {
                            Row row = rows.iterator().next();
                            boolean created = inserted.rowCount() == 1;
                            if (row.getLong("permit_id") != permitId) {
                                // another permit's device: which one is not this caller's business
                                throw new ApiException(ErrorCode.MONITORING_DEVICE_TAKEN, Message.of(
                                        "Device " + mn + " is registered to another permit's outlet. A station measures one "
                                                + "outlet; if this one moved, the other permit's holder must delete it first.",
                                        "监测设备" + mn + "已登记在其他许可证的排放口。一台设备只监测一个排放口；如设备已迁移，请原许可证持证单位先删除登记。"));
                            }
                            if (!row.getString("outlet_code").equals(outletCode)) {
                                throw new ApiException(ErrorCode.MONITORING_DEVICE_TAKEN, Message.of(
                                        "Device " + mn + " is registered to outlet " + row.getString("outlet_code") + " of permit "
                                                + permitNumber + ". Delete that registration first to move it to " + outletCode + ".",
                                        "监测设备" + mn + "已登记在许可证" + permitNumber + "的排放口" + row.getString("outlet_code")
                                                + "。如需改登记到" + outletCode + "，请先删除原登记。"));
                            }
                            return new Registration(device(row), created);
                        }));
    }

    /** A registration and whether it is new. */
    record Registration(MonitoringDeviceView.Device device, boolean created) {
    }

    /** Deletes the permit's device {@code mn} through {@code tx}, or refuses with {@code MONITORING_DEVICE_NOT_FOUND}. */
    Uni<Void> delete(SqlClient tx, long permitId, String permitNumber, String mn) {
        return tx.preparedQuery("DELETE FROM monitoring_device WHERE mn = $1 AND permit_id = $2")
                .execute(Tuple.of(mn, permitId)).map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw notFound(permitNumber, mn);
                    }
                    return null;
                });
    }

    static ApiException notFound(String permitNumber, String mn) {
        return new ApiException(ErrorCode.MONITORING_DEVICE_NOT_FOUND, Message.of(
                "No device " + org.epermit.codes.Printable.of(mn) + " is registered to permit " + permitNumber + ".",
                "许可证" + permitNumber + "没有登记监测设备" + org.epermit.codes.Printable.of(mn) + "。"));
    }

    private MonitoringDeviceView.Device device(Row r) {
        return new MonitoringDeviceView.Device(r.getString("mn"), r.getString("outlet_code"),
                r.getOffsetDateTime("registered_at").atZoneSameInstant(zone).toOffsetDateTime());
    }
}
