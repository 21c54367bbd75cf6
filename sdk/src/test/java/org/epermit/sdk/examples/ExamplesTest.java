package org.epermit.sdk.examples;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.Stubs;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The examples are compiled by every build (src/examples is a test source root) and run here against WireMock. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExamplesTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SEARCH = "/v1/public/permits";

    private void twoPagesOfGuangdong() {
        api.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("cursor", absent()).willReturn(Stubs.json("""
                {"items":[{"permitNumber":"%s","enterpriseName":"深圳甲","validTo":"2028-01-01"}],"nextCursor":"c2"}""".formatted(Stubs.PERMIT))));
        api.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("cursor", equalTo("c2")).willReturn(Stubs.json("""
                {"items":[{"permitNumber":"B","enterpriseName":"深圳乙","validTo":"2029-01-01"}],"nextCursor":null}""")));
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
    }

    @Test
    void the_quick_start_pages_through_a_search_and_reads_a_permit() {
        twoPagesOfGuangdong();
        QuickStart.main(new String[] {api.baseUrl()});
        api.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("region", equalTo("44"))
                .withQueryParam("status", equalTo("VALID")));
        api.verify(1, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)));
    }

    @Test
    void the_error_example_reports_a_typo_without_calling_the_api() {
        HandlingErrors.main(new String[] {api.baseUrl()});
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void the_paging_example_walks_every_page_three_ways() {
        twoPagesOfGuangdong();
        PagingAndAuth.page(EPermitClient.builder().baseUrl(api.baseUrl()).build());
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo(SEARCH)))).as("count, first 10 (both one-item pages), page by page").hasSize(2 + 2 + 2);
        assertThat(PagingAndAuth.vendorClient(api.baseUrl()).userAgent()).endsWith("(acme-monitoring/2.3)");
    }

    @Test
    void the_limits_example_reads_ranges_standard_tables_and_monitoring() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.json("""
                {"permitNumber":"%s","outlets":[
                 {"code":"DA001","pollutants":[
                  {"pollutantCode":"a00000","limit":null,"standard":null,
                   "monitoring":{"mode":"AUTOMATIC","frequency":{"count":1,"every":1,"unit":"DAY","notation":"1次/日"},
                                 "frequencyApplies":"DURING_OUTAGE","samplingMethod":null,"samplesPerEvent":1}},
                  {"pollutantCode":"a21026",
                   "limit":{"min":null,"max":35,"unit":"mg/m3","averaging":"HOURLY","referenceOxygenPercent":6},
                   "standard":{"code":"GB 13223-2011","name":"火电厂大气污染物排放标准","kind":"NATIONAL","table":"表2","special":true},
                   "monitoring":{"mode":"AUTOMATIC","frequency":{"count":4,"every":1,"unit":"DAY","notation":"4次/日"},
                                 "frequencyApplies":"DURING_OUTAGE","samplingMethod":null,"samplesPerEvent":1}}]},
                 {"code":"DW001","pollutants":[
                  {"pollutantCode":"w01001",
                   "limit":{"min":6,"max":9,"unit":null,"averaging":"SAMPLE","referenceOxygenPercent":null},
                   "standard":{"code":"GB 8978-1996","kind":"NATIONAL","table":"表4","special":false},
                   "monitoring":{"mode":"MANUAL","frequency":{"count":1,"every":2,"unit":"HOUR","notation":"1次/2小时"},
                                 "frequencyApplies":"ALWAYS","samplingMethod":"GRAB","samplesPerEvent":1}}]}]}""".formatted(Stubs.PERMIT))));
        var permit = EPermitClient.builder().baseUrl(api.baseUrl()).build().publicPermits().get(Stubs.PERMIT);
        assertThat(ReadingLimits.describe(permit)).containsExactly(
                "DA001 a00000 no limit; AUTOMATIC, 1次/日 while the monitor is out",
                "DA001 a21026 ≤ 35 mg/m3 (HOURLY) GB 13223-2011 表2 special limits; AUTOMATIC, 4次/日 while the monitor is out",
                "DW001 w01001 6–9 (SAMPLE) GB 8978-1996 表4; MANUAL, 1次/2小时");
    }

    @Test
    void the_sdk_readme_shows_the_limits_example_exactly_as_it_compiles() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/examples/java/org/epermit/sdk/examples/ReadingLimits.java"));
        int begin = lines.indexOf("    // README-BEGIN");
        int end = lines.indexOf("    // README-END");
        assertThat(begin).isPositive();
        String snippet = String.join("\n", lines.subList(begin + 1, end).stream()
                .map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).toList());
        assertThat(Files.readString(Path.of(System.getProperty("epermit.readme", "README.md"))))
                .as("sdk/README.md").contains(snippet);
    }

    @Test
    void the_readmes_show_the_quick_start_exactly_as_it_compiles() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/examples/java/org/epermit/sdk/examples/QuickStart.java"));
        int begin = lines.indexOf("        // README-BEGIN");
        int end = lines.indexOf("        // README-END");
        assertThat(begin).isPositive();
        String snippet = String.join("\n", lines.subList(begin + 1, end).stream()
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).toList());
        assertThat(Files.readString(Path.of(System.getProperty("epermit.readme", "README.md"))))
                .as("sdk/README.md").contains(snippet);
        Path rootReadme = Path.of(System.getProperty("epermit.readme", "README.md")).toAbsolutePath().getParent()
                .getParent().resolve("README.md");
        assertThat(Files.readString(rootReadme)).as("README.md").contains(snippet);
    }
}
