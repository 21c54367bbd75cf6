package org.epermit.api.application;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.lifecycle.PermitWrites;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer the regulator's decision calls, in the decision's transaction: an approved INITIAL draft becomes a permit
 * whose public document shows the draft's content, and an approved reapplication a new version of it, the old one
 * frozen as it was.
 */
@QuarkusTest
class PermitDraftWriterTest {

    @Inject
    PermitDraftWriter writer;

    @Inject
    Pool pool;

    static final LocalDate DECIDED = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(40);

    long unit(int nth) {
        return Long.parseLong(Db.string(pool, "SELECT CAST(id AS text) FROM enterprise WHERE NOT pseudo_credit_code ORDER BY id OFFSET $1 LIMIT 1", 300 + nth));
    }

    PermitWrites.Inserted issue(long enterpriseId, PermitDraft draft) {
        return pool.withTransaction(connection -> writer.issue(TransactionSql.of(connection), enterpriseId, draft, DECIDED, "130200"))
                .await().indefinitely();
    }

    @Test
    void an_approved_initial_draft_is_issued_as_a_permit_valid_five_years_with_the_drafts_content() {
        long enterpriseId = unit(0);
        PermitWrites.Inserted issued = issue(enterpriseId, Drafts.powerPlant("唐山新能热电厂"));
        String creditCode = Db.string(pool, "SELECT credit_code FROM enterprise WHERE id = $1", enterpriseId);
        assertThat(issued.permitNumber()).startsWith(creditCode).endsWith("P").hasSize(22);

        Response permit = given().get("/v1/public/permits/{n}", issued.permitNumber());
        assertThat(permit.statusCode()).as(permit.asString()).isEqualTo(200);
        assertThat(permit.jsonPath().getInt("version")).isEqualTo(1);
        assertThat(permit.jsonPath().getString("category")).isEqualTo("KEY");
        assertThat(permit.jsonPath().getString("status")).isEqualTo("VALID");
        assertThat(permit.jsonPath().getString("issueDate")).isEqualTo(DECIDED.toString());
        assertThat(permit.jsonPath().getString("validFrom")).isEqualTo(DECIDED.toString());
        assertThat(permit.jsonPath().getString("validTo")).isEqualTo(DECIDED.plusYears(5).minusDays(1).toString());
        assertThat(permit.jsonPath().getString("issuingAuthority.code")).isEqualTo("130200");
        assertThat(permit.jsonPath().getString("site.name")).isEqualTo("唐山新能热电厂");
        assertThat(permit.jsonPath().getString("site.region.code")).isEqualTo("130203");
        assertThat(permit.jsonPath().getList("site.secondaryIndustries.code")).containsExactly("4412");
        assertThat(permit.jsonPath().getList("outlets.code")).containsExactly("DA001", "DW001");
        assertThat(permit.jsonPath().getString("outlets[0].stackHeightMeters")).isEqualTo("180.0");
        assertThat(permit.jsonPath().getString("outlets[1].receivingWater")).isEqualTo("陡河");
        assertThat(permit.jsonPath().getList("outlets[0].pollutants.pollutantCode")).containsExactly("a00000", "a21026", "a21002", "a34013");
        assertThat(permit.jsonPath().getString("outlets[0].pollutants[0].limit")).as("flow is monitored, not limited").isNull();
        assertThat(permit.jsonPath().getString("outlets[0].pollutants[1].limit.max")).isEqualTo("35.0");
        assertThat(permit.jsonPath().getString("outlets[0].pollutants[1].limit.averaging")).isEqualTo("HOURLY");
        assertThat(permit.jsonPath().getString("outlets[0].pollutants[1].standard.code")).isEqualTo("GB 13223-2011");
        assertThat(permit.jsonPath().getString("outlets[0].pollutants[1].standard.table")).isEqualTo("表1");
        assertThat(permit.jsonPath().getString("outlets[0].pollutants[1].monitoring.mode")).isEqualTo("AUTOMATIC");
        assertThat(permit.jsonPath().getString("outlets[0].pollutants[1].monitoring.frequency.notation")).isEqualTo("4次/日");
        assertThat(permit.jsonPath().getString("outlets[0].pollutants[1].monitoring.samplingMethod")).isEqualTo("NON_CONTINUOUS");
        assertThat(permit.jsonPath().getString("outlets[1].pollutants.find { it.pollutantCode == 'w01001' }.limit.averaging")).isEqualTo("SAMPLE");
        assertThat(permit.jsonPath().getString("outlets[1].pollutants.find { it.pollutantCode == 'w01001' }.limit.min")).isEqualTo("6.0");
        List<Integer> years = permit.jsonPath().getList("annualQuantities.findAll { it.pollutantCode == 'a21026' }.year", Integer.class);
        assertThat(years).containsExactly(DECIDED.getYear(), DECIDED.getYear() + 1, DECIDED.getYear() + 2, DECIDED.getYear() + 3, DECIDED.getYear() + 4);
        assertThat(permit.jsonPath().getList("annualQuantities.tonnes", Float.class)).contains(120.5f, 310f, 40f);
        assertThat(permit.jsonPath().getList("reportObligations.type")).containsExactly("ANNUAL", "QUARTERLY");
        assertThat(permit.jsonPath().getInt("reportObligations[0].deadline.day")).as("the category's usual deadline").isEqualTo(15);
        assertThat(permit.jsonPath().getInt("reportObligations[1].deadline.day")).as("the draft's own").isEqualTo(20);

        Response history = given().get("/v1/public/permits/{n}/history", issued.permitNumber());
        assertThat(history.jsonPath().getList("events.type")).containsExactly("ISSUED");
        assertThat(history.jsonPath().getString("events[0].authority.code")).isEqualTo("130200");

        PermitWrites.Inserted second = issue(enterpriseId, Drafts.powerPlant("唐山新能热电二厂"));
        assertThat(second.permitNumber().substring(18, 21)).as("the unit's next site serial")
                .isEqualTo(String.format("%03d", Integer.parseInt(issued.permitNumber().substring(18, 21)) + 1));
    }

    @Test
    void an_approved_reapplication_opens_the_next_version_with_the_new_content_and_freezes_the_old() {
        PermitWrites.Inserted issued = issue(unit(1), Drafts.powerPlant("唐山新能热电厂"));
        PermitDraft plant = Drafts.powerPlant("唐山新能热电厂（扩建）");
        PermitDraft expanded = new PermitDraft(plant.site(), plant.category(), plant.mainIndustry(), List.of(),
                List.of(plant.outlets().get(0), Drafts.stack("DA002", PublicPermit.OutletKind.GENERAL, List.of(
                        Drafts.manual("a34013", "20", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.QUARTER)))),
                List.of(new PermitDraft.AnnualQuantity("a21026", Drafts.tonnes("150"))),
                List.of(new PermitDraft.ReportObligation(ReportType.ANNUAL, null), new PermitDraft.ReportObligation(ReportType.QUARTERLY, null),
                        new PermitDraft.ReportObligation(ReportType.MONTHLY, null)));
        LocalDate reapproved = DECIDED.plusDays(30);
        long permitId = Db.count(pool, "SELECT id FROM permit WHERE permit_number = $1", issued.permitNumber());
        int version = pool.withTransaction(connection -> writer.reapply(TransactionSql.of(connection), permitId, expanded, reapproved, "130200"))
                .await().indefinitely();
        assertThat(version).isEqualTo(2);

        Response permit = given().get("/v1/public/permits/{n}", issued.permitNumber());
        assertThat(permit.jsonPath().getInt("version")).isEqualTo(2);
        assertThat(permit.jsonPath().getString("site.name")).isEqualTo("唐山新能热电厂（扩建）");
        assertThat(permit.jsonPath().getList("outlets.code")).containsExactly("DA001", "DA002");
        assertThat(permit.jsonPath().getList("site.secondaryIndustries")).isEmpty();
        assertThat(permit.jsonPath().getList("annualQuantities.pollutantCode")).containsOnly("a21026");
        assertThat(permit.jsonPath().getList("reportObligations.type")).containsExactly("ANNUAL", "QUARTERLY", "MONTHLY");
        assertThat(permit.jsonPath().getString("validTo")).as("the validity is the permit's").isEqualTo(DECIDED.plusYears(5).minusDays(1).toString());

        Response old = given().get("/v1/public/permits/{n}/versions/1", issued.permitNumber());
        assertThat(old.statusCode()).as(old.asString()).isEqualTo(200);
        assertThat(old.jsonPath().getList("outlets.code")).as("frozen as it was").containsExactly("DA001", "DW001");
        assertThat(old.jsonPath().getString("site.name")).isEqualTo("唐山新能热电厂");
        assertThat(old.jsonPath().getList("site.secondaryIndustries.code")).containsExactly("4412");

        Response history = given().get("/v1/public/permits/{n}/history", issued.permitNumber());
        assertThat(history.jsonPath().getInt("currentVersion")).isEqualTo(2);
        assertThat(history.jsonPath().getList("events.type")).containsExactly("ISSUED", "REAPPLIED");
        assertThat(history.jsonPath().getInt("events[1].version")).isEqualTo(2);
        assertThat(history.jsonPath().getList("versions.reason")).containsExactly("INITIAL", "REAPPLICATION");
        assertThat(history.jsonPath().getString("versions[0].effectiveTo")).isEqualTo(reapproved.minusDays(1).toString());
        assertThat(history.jsonPath().getString("versions[1].effectiveFrom")).isEqualTo(reapproved.toString());
    }
}
