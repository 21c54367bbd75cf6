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
