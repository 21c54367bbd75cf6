package org.epermit.api.permit.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How many exports run at once: per caller and per instance, a slot given back once however often it is released. */
class ExportSlotsTest {

    private static ExportSlots slots(int max, int perCaller) {
        return new ExportSlots(max, perCaller);
    }

    @Test
    void a_caller_runs_at_most_its_share_and_the_instance_at_most_its_total() {
        ExportSlots slots = slots(2, 1);
        var a = slots.acquire("address:10.0.0.1");
        assertThat(a).isPresent();
        assertThat(slots.acquire("address:10.0.0.1")).as("the same caller again").isEmpty();
        var b = slots.acquire("client:b");
        assertThat(b).isPresent();
        assertThat(slots.acquire("client:c")).as("the instance is full").isEmpty();

        a.get().release();
        a.get().release(); // a second release gives nothing more back
        assertThat(slots.acquire("client:c")).isPresent();
        assertThat(slots.acquire("address:10.0.0.1")).as("still full: b and c run").isEmpty();
        b.get().release();
        assertThat(slots.acquire("address:10.0.0.1")).isPresent();
    }
}
