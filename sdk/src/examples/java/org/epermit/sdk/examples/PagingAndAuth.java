package org.epermit.sdk.examples;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.Page;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.param.PermitSearchParams;

/** Client configuration with credentials, and the three ways to page through a search. */
public final class PagingAndAuth {

    private PagingAndAuth() {
    }

    /**
     * A client for a vendor's back end: OAuth2 client credentials, its own timeouts and retries.
     *
     * @param baseUrl the API's base URL
     * @return the client
     */
    public static EPermitClient vendorClient(String baseUrl) {
        return EPermitClient.builder()
                .baseUrl(baseUrl)
                .credentials(Credentials.clientCredentials(
                        URI.create("https://sso.example.gov.cn/realms/epermit/protocol/openid-connect/token"),
                        System.getenv().getOrDefault("EPERMIT_CLIENT_ID", "vendor-app"),
                        System.getenv().getOrDefault("EPERMIT_CLIENT_SECRET", ""),
                        "permits:read"))
                .timeout(Duration.ofSeconds(30))          // a whole call, retries included
                .attemptTimeout(Duration.ofSeconds(10))   // one HTTP attempt
                .maxRetries(3)
                .appInfo("acme-monitoring/2.3")
                .build();
    }

    /**
     * Pages through key permits of a province three ways.
     *
     * @param client the client
     */
    public static void page(EPermitClient client) {
        PermitSearchParams keyInGuangdong = PermitSearchParams.builder().region("44").category(PermitCategory.KEY)
                .limit(100).build();

        // 1. every item, lazily
        long count = client.publicPermits().search(keyInGuangdong).stream().count();

        // 2. just the first 10 (fetches one page)
        List<PermitSummary> first10 = client.publicPermits().search(keyInGuangdong).stream().limit(10).toList();

        // 3. page by page, keeping the cursor yourself (e.g. to resume a batch job)
        String cursor = null;
        do {
            Page<PermitSummary> page = client.publicPermits().searchPage(keyInGuangdong, cursor);
            page.items().forEach(p -> System.out.println(p.getPermitNumber()));
            cursor = page.nextCursor();
        } while (cursor != null);
        System.out.println(count + " key permits; first: " + first10);
    }

    /**
     * Runs the paging part against a local API.
     *
     * @param args the API's base URL
     */
    public static void main(String[] args) {
        page(EPermitClient.builder().baseUrl(args.length > 0 ? args[0] : "http://localhost:8080").build());
    }
}
