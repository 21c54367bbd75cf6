package org.epermit.api.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCallersTest {

    @Test
    void demo_credentials_are_issued_only_on_the_embedded_database_with_the_demo_enabled() {
        assertThat(DemoCallers.issuesCredentials(true, false, true)).isTrue();
        assertThat(DemoCallers.issuesCredentials(true, false, false)).as("a configured datasource, demo enabled").isFalse();
        assertThat(DemoCallers.issuesCredentials(false, false, true)).as("embedded, demo disabled").isFalse();
        assertThat(DemoCallers.issuesCredentials(true, true, true)).as("load-demo, which serves nothing").isFalse();
    }
}
