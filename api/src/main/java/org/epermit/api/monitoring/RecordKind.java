package org.epermit.api.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a value was obtained: by an online (automatic, networked) monitor, or by a manual sample and its analysis. */
@Schema(name = "MonitoringRecordKind", description = "AUTOMATIC: an online monitor's value; MANUAL: a manual sample's result")
public enum RecordKind {
    AUTOMATIC,
    MANUAL
}
