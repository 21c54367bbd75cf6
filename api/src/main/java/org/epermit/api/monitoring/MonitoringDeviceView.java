package org.epermit.api.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** The API's shapes of monitoring devices (HJ 212-2017 MN) registered to a permit's outlets. */
public final class MonitoringDeviceView {

    private MonitoringDeviceView() {
    }

    @Schema(name = "NewMonitoringDevice", description = "A monitoring station's device number and the outlet it measures")
    public record NewDevice(
            @Schema(description = "HJ 212-2017 device number (MN): 1 to 24 letters and digits, unique nationally",
                    required = true, examples = "010000A8900016F000169DC0") String mn,
            @Schema(description = "The outlet of the permit's current version it measures", required = true, examples = "DA001")
            String outletCode) {
    }

    @Schema(name = "MonitoringDevice", description = "A monitoring device registered to an outlet: HJ 212 packets "
            + "naming its MN are the outlet's records")
    public record Device(
            @Schema(examples = "010000A8900016F000169DC0") String mn,
            @Schema(examples = "DA001") String outletCode,
            OffsetDateTime registeredAt) {
    }

    @Schema(name = "MonitoringDeviceList", description = "The devices registered to a permit's outlets, by MN")
    public record DeviceList(List<Device> items) {
    }
}
