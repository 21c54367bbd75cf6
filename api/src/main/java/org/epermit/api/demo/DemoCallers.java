package org.epermit.api.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epermit.api.client.FixedClients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * With the demo data on the embedded database, a demo administrator, a demo vendor (delegated by one enterprise) and a
 * demo regulator of that enterprise's province (whose desk holds the demo applications, {@link DemoApplications}),
 * so that a newcomer can make authenticated calls in the first minute. Their keys exist only as hashes, so each start
 * issues fresh ones (revoking the previous) and prints them on the console once — never through the logger.
 *
 * <p>Never on a database configured from outside, even with the demo data enabled there: keys printed at every start
 * of a real deployment would be working administrator credentials in whatever collects its console.
 */
@ApplicationScoped
public class DemoCallers {

    static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final UUID VENDOR = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    static final UUID DELEGATION = UUID.fromString("00000000-0000-4000-8000-0000000000d1");

    private final AgroalDataSource dataSource;
    private final DemoConfig config;
    private final boolean embeddedDatabase;

    /**
     * @param embeddedData set by {@link org.epermit.api.Main} only when it started the embedded PostgreSQL, i.e. when
     *                     no datasource URL was configured
     */
    public DemoCallers(AgroalDataSource dataSource, DemoConfig config,
                       @ConfigProperty(name = "epermit.embedded.data-directory") Optional<String> embeddedData) {
        this.dataSource = dataSource;
        this.config = config;
        this.embeddedDatabase = embeddedData.isPresent();
    }

    /** Whether this start issues (and prints) demo credentials; see the class comment. */
    static boolean issuesCredentials(boolean demoEnabled, boolean exitAfterLoad, boolean embeddedDatabase) {
        return demoEnabled && !exitAfterLoad && embeddedDatabase;
    }

    /** Runs after the demo data is loaded (default priority), before the banner. */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) throws SQLException {
        if (!issuesCredentials(config.enabled(), config.exitAfterLoad(), embeddedDatabase)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String region = DemoApplications.ensureRegulator(c);
            String delegatedEnterprise = ensureCallers(c, region);
            String adminKey = FixedClients.freshKey(c, ADMIN);
            String vendorKey = FixedClients.freshKey(c, VENDOR);
            String regulatorKey = region == null ? null : FixedClients.freshKey(c, DemoApplications.REGULATOR);
            c.commit();
            System.out.printf("%n  Demo credentials (new at every start; send as the X-API-Key header):%n"
                    + "    administrator:  %s%n"
                    + "    vendor:         %s  (delegated by the enterprise %s for all its permits)%n"
                    + (regulatorKey == null ? "" : "    regulator:      " + regulatorKey + "  (region " + region
                            + ": the review desk, GET /v1/review/queue)%n")
                    + "  Try: curl -H 'X-API-Key: %s' http://localhost:8080/v1/me%n%n",
                    adminKey, vendorKey, delegatedEnterprise, vendorKey);
        }
    }

    /** The administrator, and the vendor delegated by an enterprise of the demo regulator's province. */
    private static String ensureCallers(Connection c, String region) throws SQLException {
        FixedClients.ensure(c, ADMIN, "Demo administrator", "ePermit demo", List.of("admin"),
                List.of("admin", "permits:read", "stats:read", "reviews:write"), "partner");
        FixedClients.ensure(c, VENDOR, "Demo vendor", "演示环保服务有限公司", List.of("vendor"),
                List.of("permits:read", "filings:write", "applications:write"), "standard");
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO delegation (id, enterprise_id, vendor_client_id, all_permits, scopes, valid_from, valid_to, created_by)
                SELECT ?, p.enterprise_id, ?, true, '{permits:read,filings:write,applications:write}', now(), now() + interval '1 year', ?
                FROM permit p WHERE p.category = 'KEY' AND p.status = 'VALID'
                ORDER BY p.province_code = ? DESC, p.permit_number LIMIT 1
                ON CONFLICT (id) DO UPDATE SET valid_to = now() + interval '1 year', revoked_at = NULL, scopes = EXCLUDED.scopes""")) {
            st.setObject(1, DELEGATION);
            st.setObject(2, VENDOR);
            st.setObject(3, ADMIN);
            st.setString(4, region);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "SELECT e.credit_code FROM delegation d JOIN enterprise e ON e.id = d.enterprise_id WHERE d.id = ?")) {
            st.setObject(1, DELEGATION);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "(none)";
            }
        }
    }
}
