package org.epermit.api.client;

import org.epermit.api.gateway.auth.ApiKeyFormat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Clients with fixed ids that the service sets up itself at start (the embedded demo's administrator and vendor),
 * over JDBC before any request is served. They are written here, beside the rest of the registry's SQL, and raise the
 * client's version like any other write, so a request that read the client before cannot overwrite them.
 */
public final class FixedClients {

    private FixedClients() {
    }

    /**
     * Registers the client, or makes it active again with the same id and the roles and scopes given (a data directory
     * made by an older build gets the scopes this build's demo callers have).
     */
    public static void ensure(Connection c, UUID id, String name, String organisation, List<String> roles,
                              List<String> scopes, String plan) throws SQLException {
        ensure(c, id, name, organisation, roles, scopes, plan, null);
    }

    /** As {@link #ensure(Connection, UUID, String, String, List, List, String)}, for a regulator of {@code regionCode}. */
    public static void ensure(Connection c, UUID id, String name, String organisation, List<String> roles,
                              List<String> scopes, String plan, String regionCode) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO api_client (id, name, organisation, roles, scopes, plan, status, region_code)
                VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                ON CONFLICT (id) DO UPDATE SET status = 'ACTIVE', roles = EXCLUDED.roles, scopes = EXCLUDED.scopes,
                                               region_code = EXCLUDED.region_code, version = api_client.version + 1""")) {
            st.setObject(1, id);
            st.setString(2, name);
            st.setString(3, organisation);
            st.setArray(4, c.createArrayOf("text", roles.toArray()));
            st.setArray(5, c.createArrayOf("text", scopes.toArray()));
            st.setString(6, plan);
            st.setString(7, regionCode);
            st.executeUpdate();
        }
    }

    /** Revokes the client's keys and issues a new one; returns it (the only time it exists outside a hash). */
    public static String freshKey(Connection c, UUID client) throws SQLException {
        try (PreparedStatement revoke = c.prepareStatement(
                "UPDATE api_key SET revoked_at = now() WHERE client_id = ? AND revoked_at IS NULL")) {
            revoke.setObject(1, client);
            revoke.executeUpdate();
        }
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_key (id, client_id, secret_sha256) VALUES (?, ?, ?)")) {
            insert.setString(1, key.id());
            insert.setObject(2, client);
            insert.setBytes(3, key.secretSha256());
            insert.executeUpdate();
        }
        try (PreparedStatement touch = c.prepareStatement(
                "UPDATE api_client SET version = version + 1, updated_at = now() WHERE id = ?")) {
            touch.setObject(1, client);
            touch.executeUpdate();
        }
        return key.key();
    }
}
