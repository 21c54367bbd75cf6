package org.epermit.api.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Every {@code @QuarkusTest} runs against {@link TestDatabase}. */
@QuarkusTestResource(TestDatabase.class)
public final class TestResources {
    private TestResources() {
    }
}
