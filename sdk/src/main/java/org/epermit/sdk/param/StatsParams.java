package org.epermit.sdk.param;

import org.epermit.sdk.model.IndustryLevel;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitStatus;
import org.epermit.sdk.model.StatsGrouping;

/**
 * How a statistics table is grouped and what it counts ({@code getPermitStatistics}, {@code getEmissionStatistics}):
 * all optional; by province when no grouping is given. Immutable; build with {@link #builder()}.
 *
 * <p>Counties ({@link StatsGrouping#COUNTY}, a 6-digit region) and industry classes ({@link IndustryLevel#CLASS}, a
 * 4-digit industry) need scope {@code stats:read}; a regulator sees them for its own region.
 */
public final class StatsParams {

    private static final StatsParams BY_PROVINCE = builder().build();

    private final StatsGrouping groupBy;
    private final IndustryLevel industryLevel;
    private final String region;
    private final String industry;
    private final PermitCategory category;
    private final PermitStatus status;
    private final String pollutant;

    private StatsParams(Builder b) {
        this.groupBy = b.groupBy;
        this.industryLevel = b.industryLevel;
        this.region = b.region;
        this.industry = b.industry;
        this.category = b.category;
        this.status = b.status;
        this.pollutant = b.pollutant;
    }

    /**
     * Everything, by province.
     *
     * @return the default table
     */
    public static StatsParams byProvince() {
        return BY_PROVINCE;
    }

    /**
     * Starts building a table's parameters.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the grouping.
     *
     * @return the grouping, or {@code null} for the service's default (province)
     */
    public StatsGrouping groupBy() {
        return groupBy;
    }

    /**
     * Returns the industry level of industry groups.
     *
     * @return the level, or {@code null} (division)
     */
    public IndustryLevel industryLevel() {
        return industryLevel;
    }

    /**
     * Returns the region filter.
     *
     * @return a GB/T 2260 prefix of 2, 4 or 6 digits, or {@code null}
     */
    public String region() {
        return region;
    }

    /**
     * Returns the industry filter.
     *
     * @return a GB/T 4754 prefix of 1 to 4 digits, or {@code null}
     */
    public String industry() {
        return industry;
    }

    /**
     * Returns the management category filter.
     *
     * @return the category, or {@code null}
     */
    public PermitCategory category() {
        return category;
    }

    /**
     * Returns the permit status filter (permit counts only).
     *
     * @return the status, or {@code null}
     */
    public PermitStatus status() {
        return status;
    }

    /**
     * Returns the pollutant filter (emissions only).
     *
     * @return an HJ 212-2017 code, or {@code null}
     */
    public String pollutant() {
        return pollutant;
    }

    /** Builds {@link StatsParams}. */
    public static final class Builder {
        private StatsGrouping groupBy;
        private IndustryLevel industryLevel;
        private String region;
        private String industry;
        private PermitCategory category;
        private PermitStatus status;
        private String pollutant;

        private Builder() {
        }

        /**
         * Groups the table.
         *
         * @param groupBy the grouping, or {@code null} for province
         * @return this builder
         * @throws IllegalArgumentException for {@link StatsGrouping#UNKNOWN}, which cannot be sent
         */
        public Builder groupBy(StatsGrouping groupBy) {
            if (groupBy == StatsGrouping.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a grouping this SDK version does not know; it cannot be sent");
            }
            this.groupBy = groupBy;
            return this;
        }

        /**
         * Groups by industry at a level of GB/T 4754-2017.
         *
         * @param level division, group or class
         * @return this builder
         * @throws IllegalArgumentException for {@link IndustryLevel#UNKNOWN}, which cannot be sent
         */
        public Builder groupByIndustry(IndustryLevel level) {
            if (level == IndustryLevel.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a level this SDK version does not know; it cannot be sent");
            }
            this.groupBy = StatsGrouping.INDUSTRY;
            this.industryLevel = level;
            return this;
        }

        /**
         * Counts only the sites in a region.
         *
         * @param region a GB/T 2260 prefix: province (2 digits), city (4) or county (6)
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Counts only the sites whose main industry begins with a prefix.
         *
         * @param industry a GB/T 4754 prefix of 1 to 4 digits
         * @return this builder
         */
        public Builder industry(String industry) {
            this.industry = industry;
            return this;
        }

        /**
         * Counts only one management category.
         *
         * @param category the category
         * @return this builder
         * @throws IllegalArgumentException for {@link PermitCategory#UNKNOWN}, which cannot be sent
         */
        public Builder category(PermitCategory category) {
            if (category == PermitCategory.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a category this SDK version does not know; it cannot be sent");
            }
            this.category = category;
            return this;
        }

        /**
         * Counts only permits in one status (permit counts only).
         *
         * @param status the status
         * @return this builder
         * @throws IllegalArgumentException for {@link PermitStatus#UNKNOWN}, which cannot be sent
         */
        public Builder status(PermitStatus status) {
            if (status == PermitStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a status this SDK version does not know; it cannot be sent");
            }
            this.status = status;
            return this;
        }

        /**
         * Keeps one pollutant (emissions only).
         *
         * @param pollutant an HJ 212-2017 code such as {@code a21026}
         * @return this builder
         */
        public Builder pollutant(String pollutant) {
            this.pollutant = pollutant;
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         */
        public StatsParams build() {
            return new StatsParams(this);
        }
    }
}
