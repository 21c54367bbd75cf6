-- Version 9: the permit's content the way a permit's copy (副本) writes it, after the domain review (issue 10).
-- Statuses tell 吊销 from 撤销, registration receipts carry no authority's decision, a site may carry several industry
-- classes, limits are ranges with the value they apply to and the standard table they come from, monitoring
-- frequencies are counts per period, and each report obligation carries its deadline.

-- ---------------------------------------------------------------------------------------------------------
-- Statuses and lifecycle events
-- ---------------------------------------------------------------------------------------------------------
-- REVOKED (吊销) is a sanction for violations; ANNULLED (撤销) withdraws a permit that was issued unlawfully.
ALTER TABLE permit DROP CONSTRAINT permit_status_check,
    ADD CONSTRAINT permit_status_check CHECK (status IN ('VALID', 'EXPIRED', 'REVOKED', 'ANNULLED', 'CANCELLED'));
-- A registration receipt (登记回执) is REGISTERED by the unit itself, not ISSUED by an authority.
ALTER TABLE permit_event DROP CONSTRAINT permit_event_event_type_check,
    ADD CONSTRAINT permit_event_event_type_check CHECK (event_type IN ('ISSUED', 'REGISTERED', 'CHANGED', 'RENEWED',
        'REAPPLIED', 'REISSUED', 'EXPIRED', 'REVOKED', 'ANNULLED', 'CANCELLED'));
-- Registration (登记管理) is self-filed: the receipt is issued at once, with no authority's decision.
ALTER TABLE permit ALTER COLUMN issuing_authority DROP NOT NULL,
    ADD CONSTRAINT permit_issuing_authority_check CHECK (category = 'REGISTRATION' OR issuing_authority IS NOT NULL);

-- ---------------------------------------------------------------------------------------------------------
-- Industry classes: permit.industry_code is the main class (主码); these are the secondary ones (副码)
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE permit_secondary_industry (
    permit_id      bigint NOT NULL REFERENCES permit (id),
    industry_code  varchar(4) COLLATE "C" NOT NULL REFERENCES industry (code) CHECK (length(industry_code) = 4),
    PRIMARY KEY (permit_id, industry_code)
);
CREATE INDEX permit_secondary_industry_code_idx ON permit_secondary_industry (industry_code, permit_id);

-- ---------------------------------------------------------------------------------------------------------
-- Standards: national (GB) or local (DB), each cited by the table a limit comes from
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE emission_standard
    ADD COLUMN kind text NOT NULL DEFAULT 'NATIONAL' CHECK (kind IN ('NATIONAL', 'LOCAL')),
    -- the province whose government issued a local standard (DB11/… is Beijing's)
    ADD COLUMN issued_by varchar(6) COLLATE "C" REFERENCES region (code),
    ADD CONSTRAINT emission_standard_local_check CHECK ((kind = 'LOCAL') = (issued_by IS NOT NULL));

-- A table of a standard, as the standard numbers it ('表1'). Special emission limits (特别排放限值) are tables of
-- their own (GB 13223-2011 表2), never a factor applied to another table's values.
CREATE TABLE emission_standard_table (
    standard_code  text NOT NULL REFERENCES emission_standard (code),
    table_ref      text NOT NULL,
    medium         text NOT NULL CHECK (medium IN ('AIR', 'WATER')),
    special        boolean NOT NULL DEFAULT false,
    title_zh       text NOT NULL,
    title_en       text NOT NULL,
    PRIMARY KEY (standard_code, table_ref)
);

-- ---------------------------------------------------------------------------------------------------------
-- Flow units as stations transmit them (HJ 212-2017: flue gas in m³/s, wastewater in L/s)
-- ---------------------------------------------------------------------------------------------------------
UPDATE pollutant SET unit = 'm3/s' WHERE code = 'a00000';

-- ---------------------------------------------------------------------------------------------------------
-- Licensed limits and self-monitoring per outlet and pollutant
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE permit_outlet_pollutant
    -- limit_value is the upper bound; limit_min the lower bound of a range (pH 6–9), NULL when there is none
    ADD COLUMN limit_min numeric(12, 4),
    -- the value the limit applies to: an hourly mean, a daily mean, or each single sample
    ADD COLUMN averaging text CHECK (averaging IN ('HOURLY', 'DAILY', 'SAMPLE')),
    -- air limits at a reference oxygen content (%), compared with HJ 212's converted values (ZsAvg)
    ADD COLUMN reference_oxygen_pct numeric(4, 1) CHECK (reference_oxygen_pct > 0 AND reference_oxygen_pct < 21),
    -- the table of standard_code the limit comes from
    ADD COLUMN standard_table text,
    -- the frequency as the permit writes it, a count per period: 1次/2小时 = (1, 2, HOUR), 4次/日 = (4, 1, DAY).
    -- For AUTOMATIC monitoring it is the manual frequency that applies while the monitor is out of service.
    ADD COLUMN frequency_count smallint NOT NULL DEFAULT 1 CHECK (frequency_count >= 1),
    ADD COLUMN frequency_every smallint NOT NULL DEFAULT 1 CHECK (frequency_every >= 1),
    ADD COLUMN frequency_unit text CHECK (frequency_unit IN ('HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR')),
    -- how a manual sample is taken (HJ 819-2017): grab (瞬时采样), composite (混合采样), non-continuous (非连续采样)
    ADD COLUMN sampling_method text CHECK (sampling_method IN ('GRAB', 'COMPOSITE', 'NON_CONTINUOUS')),
    ADD COLUMN samples_per_event smallint NOT NULL DEFAULT 1 CHECK (samples_per_event >= 1),
    ADD CONSTRAINT permit_outlet_pollutant_range_check CHECK (limit_min IS NULL OR limit_min <= limit_value),
    ADD CONSTRAINT permit_outlet_pollutant_table_check CHECK (standard_table IS NULL OR standard_code IS NOT NULL),
    ADD CONSTRAINT permit_outlet_pollutant_limit_basis_check CHECK (limit_value IS NULL OR averaging IS NOT NULL);

-- Rows written before this version: their enum frequency as a count per period, their limit on the basis the
-- standards of their medium use (air: hourly means; water: daily means, pH per sample).
UPDATE permit_outlet_pollutant op
SET frequency_unit = CASE op.manual_frequency
        WHEN 'DAILY' THEN 'DAY' WHEN 'WEEKLY' THEN 'WEEK' WHEN 'MONTHLY' THEN 'MONTH'
        WHEN 'QUARTERLY' THEN 'QUARTER' WHEN 'HALF_YEARLY' THEN 'HALF_YEAR' ELSE 'YEAR' END,
    averaging = CASE WHEN op.limit_value IS NULL THEN NULL
        WHEN op.pollutant_code = 'w01001' THEN 'SAMPLE'
        WHEN op.pollutant_code LIKE 'a%' THEN 'HOURLY' ELSE 'DAILY' END,
    sampling_method = CASE WHEN op.pollutant_code LIKE 'a%' THEN 'NON_CONTINUOUS' ELSE 'GRAB' END,
    samples_per_event = CASE WHEN op.pollutant_code LIKE 'a%' THEN 3 ELSE 1 END;
ALTER TABLE permit_outlet_pollutant ALTER COLUMN frequency_unit SET NOT NULL,
    ALTER COLUMN manual_frequency DROP NOT NULL;

-- ---------------------------------------------------------------------------------------------------------
-- Report obligations carry the deadline the permit's copy sets
-- ---------------------------------------------------------------------------------------------------------
-- Due on day due_day (clipped to the month's length: 31 = the last day) of the due_months_after-th month after the
-- period ends: 15 January for an annual report is (1, 15), the end of January (1, 31). Per-year extensions by the
-- ministry are configuration, not permit content.
ALTER TABLE permit_report_obligation
    ADD COLUMN due_months_after smallint NOT NULL DEFAULT 1 CHECK (due_months_after BETWEEN 1 AND 12),
    ADD COLUMN due_day smallint NOT NULL DEFAULT 15 CHECK (due_day BETWEEN 1 AND 31);
