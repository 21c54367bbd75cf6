-- Version 22: the statistics rollups (issue 13). Aggregating the base tables per request costs hundreds of
-- milliseconds at 1,000,000 permits and seconds over five years of reports (docs/performance.md); the statistics
-- endpoints read these tables instead. They are kept in the transaction of every write that changes what they count,
-- by statement-level triggers on the tables they are computed from (the way permit_document is, V13): a filing that
-- commits is counted when it commits, and a statement that touches many rows updates each rollup row once.
--
-- Counts have no CHECK (>= 0): an upsert's proposed row carries the signed delta, and PostgreSQL checks it before
-- ON CONFLICT adds it to the row there (StatisticsRollupTest holds the sums to a fresh computation instead).
--
-- A rollup row holds one group at one grain: the region code cut to region_level digits (0 national, 2 province,
-- 4 city, 6 county) and the industry code cut to industry_level digits (0 all, 2 division, 3 group, 4 class of
-- GB/T 4754-2017). A question is answered at the grain of its finest group or filter, from rows that are already
-- summed: national counts by province read 31 provinces' rows, not a million permits. stats_grain lists the grains
-- kept; StatsGrain in the service knows the same list.

CREATE TABLE stats_grain (
    region_level    smallint NOT NULL CHECK (region_level IN (0, 2, 4, 6)),
    industry_level  smallint NOT NULL CHECK (industry_level IN (0, 2, 3, 4)),
    PRIMARY KEY (region_level, industry_level)
);
INSERT INTO stats_grain
SELECT r, i FROM unnest(ARRAY[0, 2, 4, 6]) AS r, unnest(ARRAY[0, 2, 3, 4]) AS i;

-- Permits by region, main industry, category and status.
CREATE TABLE stats_permit_count (
    region_level    smallint NOT NULL,
    industry_level  smallint NOT NULL,
    region_code     varchar(6) COLLATE "C" NOT NULL,   -- '' at region_level 0
    industry_code   varchar(4) COLLATE "C" NOT NULL,   -- '' at industry_level 0
    category        text NOT NULL,
    status          text NOT NULL,
    permits         bigint NOT NULL,
    -- the count in the key's index, so that a grain is read by an index-only scan (a national table by county:
    -- 2.5 ms instead of 7 ms at 1,000,000 permits)
    PRIMARY KEY (region_level, industry_level, region_code, industry_code, category, status) INCLUDE (permits)
);
CREATE INDEX stats_permit_count_industry_idx ON stats_permit_count (region_level, industry_level, industry_code, region_code)
    INCLUDE (category, status, permits);

-- Valid permits by the day they expire, nationwide by industry: the renewal pipeline (how many expire within 30, 60,
-- 90 days) sums at most 91 days of rows. By region as well, this table would hold a row for nearly every valid permit
-- (8.9 million rows over the grains at 1,000,000 permits); a pipeline within a region reads permit_renewal_pipeline_idx
-- instead, where the largest province's 91 days are a few thousand entries.
CREATE TABLE stats_permit_expiry (
    industry_level  smallint NOT NULL,
    industry_code   varchar(4) COLLATE "C" NOT NULL,
    valid_to        date NOT NULL,
    category        text NOT NULL,
    permits         bigint NOT NULL,
    PRIMARY KEY (industry_level, industry_code, valid_to, category) INCLUDE (permits)
);
CREATE INDEX permit_renewal_pipeline_idx ON permit (province_code, valid_to)
    INCLUDE (city_code, region_code, industry_code, category) WHERE status = 'VALID';

-- Licensed quantity and actual emissions of the accepted annual reports, per year and pollutant.
CREATE TABLE stats_emission (
    year            smallint NOT NULL,
    region_level    smallint NOT NULL,
    industry_level  smallint NOT NULL,
    region_code     varchar(6) COLLATE "C" NOT NULL,
    industry_code   varchar(4) COLLATE "C" NOT NULL,
    category        text NOT NULL,
    pollutant_code  varchar(6) COLLATE "C" NOT NULL,
    -- accepted annual reports that license the pollutant (one per permit and year: execution_report is unique on
    -- permit, type and period)
    permits         bigint NOT NULL,
    -- of those, the reports that give an actual figure, and those whose figure is above the licensed quantity
    reporting       bigint NOT NULL,
    exceeded        bigint NOT NULL,
    licensed_t      numeric(20, 4) NOT NULL,            -- of all the reports counted in permits
    licensed_reporting_t numeric(20, 4) NOT NULL,      -- of the reports that give an actual figure
    actual_t        numeric(20, 4) NOT NULL,
    PRIMARY KEY (year, region_level, industry_level, region_code, industry_code, category, pollutant_code)
        INCLUDE (permits, reporting, exceeded, licensed_t, licensed_reporting_t, actual_t)
);

-- ---------------------------------------------------------------------------------------------------------
-- Permits
-- ---------------------------------------------------------------------------------------------------------
CREATE TYPE stats_permit_delta AS (region_code text, industry_code text, category text, status text, valid_to date, n int);

-- Adds signed counts to every grain. Rows are written in key order, so that two transactions meeting on the same
-- rollup rows lock them in the same order (no deadlock); a delta that nets to zero (an UPDATE of a column nobody
-- counts) writes nothing.
CREATE FUNCTION stats_permit_apply(deltas stats_permit_delta[]) RETURNS void
    LANGUAGE sql AS
$$
    INSERT INTO stats_permit_count AS s (region_level, industry_level, region_code, industry_code, category, status, permits)
    SELECT g.region_level, g.industry_level, left(d.region_code, g.region_level), left(d.industry_code, g.industry_level),
           d.category, d.status, sum(d.n)
    FROM unnest(deltas) AS d CROSS JOIN stats_grain g
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d.n) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (region_level, industry_level, region_code, industry_code, category, status)
        DO UPDATE SET permits = s.permits + excluded.permits;
    INSERT INTO stats_permit_expiry AS s (industry_level, industry_code, valid_to, category, permits)
    SELECT g.industry_level, left(d.industry_code, g.industry_level), d.valid_to, d.category, sum(d.n)
    FROM unnest(deltas) AS d CROSS JOIN stats_grain g
    WHERE d.status = 'VALID' AND g.region_level = 0
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.n) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (industry_level, industry_code, valid_to, category)
        DO UPDATE SET permits = s.permits + excluded.permits;
$$;

CREATE FUNCTION stats_permit_follow() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    deltas stats_permit_delta[] := '{}';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        deltas := deltas || ARRAY(SELECT ROW(n.region_code, n.industry_code, n.category, n.status, n.valid_to, 1)::stats_permit_delta
                                  FROM stats_after n);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        deltas := deltas || ARRAY(SELECT ROW(o.region_code, o.industry_code, o.category, o.status, o.valid_to, -1)::stats_permit_delta
                                  FROM stats_before o);
    END IF;
    PERFORM stats_permit_apply(deltas);
    RETURN NULL;
END
$$;

CREATE TRIGGER stats_permit_after_insert AFTER INSERT ON permit REFERENCING NEW TABLE AS stats_after
    FOR EACH STATEMENT EXECUTE FUNCTION stats_permit_follow();
CREATE TRIGGER stats_permit_after_update AFTER UPDATE ON permit REFERENCING OLD TABLE AS stats_before NEW TABLE AS stats_after
    FOR EACH STATEMENT EXECUTE FUNCTION stats_permit_follow();
CREATE TRIGGER stats_permit_after_delete AFTER DELETE ON permit REFERENCING OLD TABLE AS stats_before
    FOR EACH STATEMENT EXECUTE FUNCTION stats_permit_follow();

-- ---------------------------------------------------------------------------------------------------------
-- Emissions: one fact per accepted annual report and pollutant, signed; a trigger on each of the three tables the
-- fact is made of (the report, its emission rows, the permit's region, industry and category) turns the rows a
-- statement changed into the facts they stop and start being, read with the other two tables as they are now.
-- Statements run one after another, so the signed facts of a transaction's statements add up to its change.
-- ---------------------------------------------------------------------------------------------------------
CREATE TYPE stats_emission_fact AS (year smallint, region_code text, industry_code text, category text,
                                    pollutant_code text, licensed_t numeric, actual_t numeric, n int);

CREATE FUNCTION stats_emission_apply(facts stats_emission_fact[]) RETURNS void
    LANGUAGE sql AS
$$
    INSERT INTO stats_emission AS s (year, region_level, industry_level, region_code, industry_code, category, pollutant_code,
                                     permits, reporting, exceeded, licensed_t, licensed_reporting_t, actual_t)
    SELECT f.year, g.region_level, g.industry_level, left(f.region_code, g.region_level), left(f.industry_code, g.industry_level),
           f.category, f.pollutant_code,
           sum(f.n),
           sum(CASE WHEN f.actual_t IS NOT NULL THEN f.n ELSE 0 END),
           sum(CASE WHEN f.actual_t > f.licensed_t THEN f.n ELSE 0 END),
           sum(f.n * f.licensed_t),
           sum(CASE WHEN f.actual_t IS NOT NULL THEN f.n * f.licensed_t ELSE 0 END),
           sum(f.n * coalesce(f.actual_t, 0))
    FROM unnest(facts) AS f CROSS JOIN stats_grain g
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(f.n) <> 0 OR sum(f.n * f.licensed_t) <> 0 OR sum(f.n * coalesce(f.actual_t, 0)) <> 0
        OR sum(CASE WHEN f.actual_t IS NOT NULL THEN f.n ELSE 0 END) <> 0
        OR sum(CASE WHEN f.actual_t > f.licensed_t THEN f.n ELSE 0 END) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (year, region_level, industry_level, region_code, industry_code, category, pollutant_code)
        DO UPDATE SET permits = s.permits + excluded.permits, reporting = s.reporting + excluded.reporting,
                      exceeded = s.exceeded + excluded.exceeded, licensed_t = s.licensed_t + excluded.licensed_t,
                      licensed_reporting_t = s.licensed_reporting_t + excluded.licensed_reporting_t,
                      actual_t = s.actual_t + excluded.actual_t;
$$;

-- What counts: a report of type ANNUAL in status ACCEPTED; its year is its period's.
CREATE FUNCTION stats_report_counts(report_type text, status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
    SELECT report_type = 'ANNUAL' AND status = 'ACCEPTED'
$$;

CREATE FUNCTION stats_emission_follow_report() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    facts stats_emission_fact[] := '{}';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        facts := facts || ARRAY(
            SELECT ROW(CAST(left(r.period, 4) AS smallint), p.region_code, p.industry_code, p.category, e.pollutant_code,
                       e.licensed_t, e.actual_t, 1)::stats_emission_fact
            FROM stats_after r JOIN permit p ON p.id = r.permit_id JOIN execution_report_emission e ON e.report_id = r.id
            WHERE stats_report_counts(r.report_type, r.status));
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        facts := facts || ARRAY(
            SELECT ROW(CAST(left(r.period, 4) AS smallint), p.region_code, p.industry_code, p.category, e.pollutant_code,
                       e.licensed_t, e.actual_t, -1)::stats_emission_fact
            FROM stats_before r JOIN permit p ON p.id = r.permit_id JOIN execution_report_emission e ON e.report_id = r.id
            WHERE stats_report_counts(r.report_type, r.status));
    END IF;
    PERFORM stats_emission_apply(facts);
    RETURN NULL;
END
$$;

CREATE FUNCTION stats_emission_follow_emission() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    facts stats_emission_fact[] := '{}';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        facts := facts || ARRAY(
            SELECT ROW(CAST(left(r.period, 4) AS smallint), p.region_code, p.industry_code, p.category, e.pollutant_code,
                       e.licensed_t, e.actual_t, 1)::stats_emission_fact
            FROM stats_after e JOIN execution_report r ON r.id = e.report_id JOIN permit p ON p.id = r.permit_id
            WHERE stats_report_counts(r.report_type, r.status));
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        facts := facts || ARRAY(
            SELECT ROW(CAST(left(r.period, 4) AS smallint), p.region_code, p.industry_code, p.category, e.pollutant_code,
                       e.licensed_t, e.actual_t, -1)::stats_emission_fact
            FROM stats_before e JOIN execution_report r ON r.id = e.report_id JOIN permit p ON p.id = r.permit_id
            WHERE stats_report_counts(r.report_type, r.status));
    END IF;
    PERFORM stats_emission_apply(facts);
    RETURN NULL;
END
$$;

-- A permit that moves to another region, industry or category takes its reports' facts with it.
CREATE FUNCTION stats_emission_follow_permit() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    facts stats_emission_fact[] := '{}';
BEGIN
    facts := ARRAY(
        SELECT ROW(CAST(left(r.period, 4) AS smallint), side.region_code, side.industry_code, side.category, e.pollutant_code,
                   e.licensed_t, e.actual_t, side.n)::stats_emission_fact
        FROM stats_before o JOIN stats_after n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.region_code, o.industry_code, o.category, -1),
                                   (n.region_code, n.industry_code, n.category, 1)) AS side(region_code, industry_code, category, n)
        JOIN execution_report r ON r.permit_id = n.id
        JOIN execution_report_emission e ON e.report_id = r.id
        WHERE (o.region_code, o.industry_code, o.category) IS DISTINCT FROM (n.region_code, n.industry_code, n.category)
          AND stats_report_counts(r.report_type, r.status));
    PERFORM stats_emission_apply(facts);
    RETURN NULL;
END
$$;

CREATE TRIGGER stats_emission_after_insert AFTER INSERT ON execution_report REFERENCING NEW TABLE AS stats_after
    FOR EACH STATEMENT EXECUTE FUNCTION stats_emission_follow_report();
CREATE TRIGGER stats_emission_after_update AFTER UPDATE ON execution_report REFERENCING OLD TABLE AS stats_before NEW TABLE AS stats_after
    FOR EACH STATEMENT EXECUTE FUNCTION stats_emission_follow_report();
CREATE TRIGGER stats_emission_after_delete AFTER DELETE ON execution_report REFERENCING OLD TABLE AS stats_before
    FOR EACH STATEMENT EXECUTE FUNCTION stats_emission_follow_report();
CREATE TRIGGER stats_emission_after_insert AFTER INSERT ON execution_report_emission REFERENCING NEW TABLE AS stats_after
    FOR EACH STATEMENT EXECUTE FUNCTION stats_emission_follow_emission();
CREATE TRIGGER stats_emission_after_update AFTER UPDATE ON execution_report_emission REFERENCING OLD TABLE AS stats_before NEW TABLE AS stats_after
    FOR EACH STATEMENT EXECUTE FUNCTION stats_emission_follow_emission();
CREATE TRIGGER stats_emission_after_delete AFTER DELETE ON execution_report_emission REFERENCING OLD TABLE AS stats_before
    FOR EACH STATEMENT EXECUTE FUNCTION stats_emission_follow_emission();
CREATE TRIGGER stats_emission_permit_moved AFTER UPDATE ON permit REFERENCING OLD TABLE AS stats_before NEW TABLE AS stats_after
    FOR EACH STATEMENT EXECUTE FUNCTION stats_emission_follow_permit();

-- ---------------------------------------------------------------------------------------------------------
-- Every rollup computed afresh from the base tables: after a bulk load with the triggers disabled (the demo
-- loader), and at the end of this migration for the rows already there.
-- ---------------------------------------------------------------------------------------------------------
CREATE FUNCTION stats_refresh_all() RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    TRUNCATE stats_permit_count, stats_permit_expiry, stats_emission;
    INSERT INTO stats_permit_count (region_level, industry_level, region_code, industry_code, category, status, permits)
    SELECT g.region_level, g.industry_level, left(p.region_code, g.region_level), left(p.industry_code, g.industry_level),
           p.category, p.status, count(*)
    FROM permit p CROSS JOIN stats_grain g
    GROUP BY 1, 2, 3, 4, 5, 6;
    INSERT INTO stats_permit_expiry (industry_level, industry_code, valid_to, category, permits)
    SELECT g.industry_level, left(p.industry_code, g.industry_level), p.valid_to, p.category, count(*)
    FROM permit p CROSS JOIN stats_grain g
    WHERE p.status = 'VALID' AND g.region_level = 0
    GROUP BY 1, 2, 3, 4;
    INSERT INTO stats_emission (year, region_level, industry_level, region_code, industry_code, category, pollutant_code,
                                permits, reporting, exceeded, licensed_t, licensed_reporting_t, actual_t)
    SELECT CAST(left(r.period, 4) AS smallint), g.region_level, g.industry_level, left(p.region_code, g.region_level),
           left(p.industry_code, g.industry_level), p.category, e.pollutant_code,
           count(*), count(e.actual_t), count(*) FILTER (WHERE e.actual_t > e.licensed_t),
           sum(e.licensed_t), coalesce(sum(e.licensed_t) FILTER (WHERE e.actual_t IS NOT NULL), 0), coalesce(sum(e.actual_t), 0)
    FROM execution_report r JOIN permit p ON p.id = r.permit_id JOIN execution_report_emission e ON e.report_id = r.id
    CROSS JOIN stats_grain g
    WHERE stats_report_counts(r.report_type, r.status)
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
    ANALYZE stats_permit_count;
    ANALYZE stats_permit_expiry;
    ANALYZE stats_emission;
    -- (the visibility map, which index-only scans need, is autovacuum's: a function cannot VACUUM)
END
$$;

SELECT stats_refresh_all();
