package org.epermit.api.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Self-monitoring data (自行监测数据): batches and disclosure. */
@ConfigMapping(prefix = "epermit.monitoring")
public interface MonitoringConfig {

    /** The most records one batch may carry (JSON or CSV); a larger batch is refused whole, so split it. */
    @WithDefault("10000")
    int maxBatchRecords();

    /** The most failing fields a refused batch lists (the problem's detail gives the total count). */
    @WithDefault("100")
    int maxListedErrors();

    /**
     * How long after a record's window ends the public may read it (an ISO-8601 duration). The disclosure rules ask
     * for manual results within 5 working days of monitoring; 5 calendar days is the default, set longer to allow
     * for holidays.
     */
    @WithDefault("P5D")
    Duration publicDelay();

    /** The yearly partitions of monitoring_record (V16): each year's created before it starts. */
    Partitions partitions();

    interface Partitions {
        /** Whether this instance runs the job (several may: one at a time creates, under an advisory lock). */
        @WithDefault("true")
        boolean enabled();

        /** How many years after the current one have their partition made ready. */
        @WithDefault("1")
        int yearsAhead();

        /** How often the job checks. */
        @WithDefault("PT12H")
        Duration every();

        /** How long after the start the first check comes. */
        @WithDefault("PT20S")
        Duration firstRunAfter();
    }
}
