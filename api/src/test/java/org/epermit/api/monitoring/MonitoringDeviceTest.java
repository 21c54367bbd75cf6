package org.epermit.api.monitoring;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.monitoring.MonitoringTestData.Target;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A monitoring device (HJ 212 MN) is registered once, nationally, to one outlet; its packets route there. */
@QuarkusTest
class MonitoringDeviceTest {

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    @Inject
    MonitoringDevices devices;

    @Test
    void a_device_is_registered_to_one_outlet_of_one_permit_listed_and_deleted() {
        Target t = MonitoringTestData.hourlyAir(pool, 30);
        Target other = MonitoringTestData.hourlyAir(pool, 31);
        String key = TestClients.enterprise(registry, t.creditCode()).apiKey();
        String mn = "MN" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        String body = "{\"mn\": \"" + mn + "\", \"outletCode\": \"" + t.outlet() + "\"}";

        given().header("X-API-Key", key).contentType("application/json").body(body)
                .post("/v1/permits/{n}/monitoring-devices", t.permitNumber()).then().statusCode(201)
                .header("Location", containsString("/v1/permits/" + t.permitNumber() + "/monitoring-devices/" + mn))
                .body("mn", equalTo(mn)).body("outletCode", equalTo(t.outlet()));
        given().header("X-API-Key", key).contentType("application/json").body(body)
                .post("/v1/permits/{n}/monitoring-devices", t.permitNumber()).then().statusCode(200);
        assertThat(devices.outletsByDevice(t.permitId()).await().indefinitely()).isEqualTo(Map.of(mn, t.outlet()));

        // another permit cannot take it, and learns nothing about whose it is
        given().header("X-API-Key", TestClients.enterprise(registry, other.creditCode()).apiKey())
                .contentType("application/json").body("{\"mn\": \"" + mn + "\", \"outletCode\": \"" + other.outlet() + "\"}")
                .post("/v1/permits/{n}/monitoring-devices", other.permitNumber()).then().statusCode(409)
                .body("code", equalTo("MONITORING_DEVICE_TAKEN"))
                .body("detail", org.hamcrest.Matchers.not(containsString(t.permitNumber())));
        String otherOutlet = t.outlets().stream().filter(o -> !o.equals(t.outlet())).findFirst().orElse(null);
        if (otherOutlet != null) {
            given().header("X-API-Key", key).contentType("application/json")
                    .body("{\"mn\": \"" + mn + "\", \"outletCode\": \"" + otherOutlet + "\"}")
                    .post("/v1/permits/{n}/monitoring-devices", t.permitNumber()).then().statusCode(409)
                    .body("code", equalTo("MONITORING_DEVICE_TAKEN")).body("detail", containsString(t.outlet()));
        }
        given().header("X-API-Key", key).contentType("application/json")
                .body("{\"mn\": \"X" + mn.substring(1) + "\", \"outletCode\": \"DA999\"}")
                .post("/v1/permits/{n}/monitoring-devices", t.permitNumber()).then().statusCode(400)
                .body("errors[0].path", equalTo("body.outletCode")).body("errors[0].code", equalTo("UNKNOWN_OUTLET"));
        given().header("X-API-Key", key).contentType("application/json").body("{\"mn\": \"not an mn!\"}")
                .post("/v1/permits/{n}/monitoring-devices", t.permitNumber()).then().statusCode(400)
                .body("errors.path", contains("body.mn", "body.outletCode"));

        given().header("X-API-Key", key).get("/v1/permits/{n}/monitoring-devices", t.permitNumber()).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].mn", equalTo(mn));
        given().header("X-API-Key", TestClients.vendor(registry).apiKey())
                .delete("/v1/permits/{n}/monitoring-devices/{mn}", t.permitNumber(), mn).then().statusCode(403)
                .body("code", equalTo("NOT_DELEGATED"));
        given().header("X-API-Key", key).delete("/v1/permits/{n}/monitoring-devices/{mn}", t.permitNumber(), mn)
                .then().statusCode(204);
        given().header("X-API-Key", key).delete("/v1/permits/{n}/monitoring-devices/{mn}", t.permitNumber(), mn)
                .then().statusCode(404).body("code", equalTo("MONITORING_DEVICE_NOT_FOUND"));
        assertThat(devices.outletsByDevice(t.permitId()).await().indefinitely()).isEmpty();
    }
}
