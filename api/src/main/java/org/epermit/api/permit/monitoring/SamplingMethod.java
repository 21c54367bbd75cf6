package org.epermit.api.permit.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a manual sample is taken (HJ 819-2017); the {@code sampling_method} column. */
@Schema(name = "SamplingMethod", description = "HJ 819-2017: GRAB (瞬时采样), COMPOSITE (混合采样), "
        + "NON_CONTINUOUS (非连续采样)")
public enum SamplingMethod {
    /** 瞬时采样: one sample at one moment. */
    GRAB,
    /** 混合采样: portions taken over a time mixed into one sample. */
    COMPOSITE,
    /** 非连续采样: several samples at intervals (for stack gas, at least three). */
    NON_CONTINUOUS
}
