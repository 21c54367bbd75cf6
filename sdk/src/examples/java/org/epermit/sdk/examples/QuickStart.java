package org.epermit.sdk.examples;

import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.model.PermitStatus;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.PublicPermit;
import org.epermit.sdk.param.PermitSearchParams;

/** The README's ten-line example: every valid permit in Guangdong, then the first one's outlets. */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the example.
     *
     * @param args the API's base URL, e.g. {@code http://localhost:8080}
     */
    public static void main(String[] args) {
        String baseUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        // README-BEGIN
        EPermitClient client = EPermitClient.builder().baseUrl(baseUrl).appInfo("quick-start/1.0").build();

        PermitSearchParams guangdong = PermitSearchParams.builder().region("44").status(PermitStatus.VALID).build();
        for (PermitSummary p : client.publicPermits().search(guangdong)) {   // every page, fetched as needed
            System.out.println(p.getPermitNumber() + "  " + p.getEnterpriseName() + "  valid to " + p.getValidTo());
        }

        PermitSummary first = client.publicPermits().search(guangdong).stream().findFirst().orElseThrow();
        PublicPermit permit = client.publicPermits().get(first.getPermitNumber());
        permit.getOutlets().forEach(o -> System.out.println(o.getCode() + " " + o.getMedium() + " " + o.getName()));
        // README-END
    }
}
