package org.epermit.api.gateway;

import org.epermit.api.gateway.client.ClientRegistry;
import org.epermit.api.gateway.client.ClientRequests.CreatedClient;
import org.epermit.api.gateway.client.ClientRequests.NewClient;

import java.util.List;
import java.util.UUID;

/** Registers clients straight through the registry, for tests that need a caller. */
public final class TestClients {

    private TestClients() {
    }

    public static CreatedClient admin(ClientRegistry registry) {
        return registry.create(new NewClient("Test admin " + UUID.randomUUID(), "ePermit tests", null, List.of("admin"),
                List.of("admin", "permits:read"), null, null, "partner", null)).await().indefinitely();
    }

    public static CreatedClient vendor(ClientRegistry registry) {
        return registry.create(new NewClient("Test vendor " + UUID.randomUUID(), "测试环保服务有限公司", "ops@example.cn",
                List.of("vendor"), List.of("permits:read", "filings:write"), null, null, "standard", null)).await().indefinitely();
    }
}
