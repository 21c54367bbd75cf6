-- Version 12: the public document discloses the content V9 gave permits (issue 10). Registration receipts have no
-- issuing authority (null), a site lists its secondary industry classes, a limit is a range with its unit, the value
-- it applies to and its reference oxygen, a standard is cited by its table, a monitoring frequency is a count per
-- period with the notation permits write, and each report obligation carries its deadline. The document's shape is the
-- `PublicPermit` schema of the API contract (PublicPermitDocumentTest checks every kind of permit against it).
-- Superseded versions' frozen documents are rewritten to the same shape, so a version lookup answers one schema.
-- A search by industry finds a site by any of its classes.

-- ---------------------------------------------------------------------------------------------------------
-- The parts of the document that current documents and upgraded snapshots share: each is built in one place
-- ---------------------------------------------------------------------------------------------------------
-- The json builders are STABLE, as json_build_object is: a SQL function declared IMMUTABLE around a STABLE body is
-- never inlined, so it is called as a function for every value it renders. Measured on 2,000 documents at 1,000,000
-- permits: 0.62 ms a document with these and V3's epermit_code_name IMMUTABLE, 0.30 ms with them STABLE (inlined).
-- epermit_code_name is redeclared so.
CREATE OR REPLACE FUNCTION epermit_code_name(p_code text, p_name_zh text, p_name_en text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT json_build_object('code', p_code, 'name', p_name_zh, 'nameEn', p_name_en) $$;

-- A frequency as permits write it: (1, 2, HOUR) is 1次/2小时, (4, 1, DAY) 4次/日, (1, 1, QUARTER) 1次/季度.
-- The one formatter of the notation in SQL (the service's Java counterpart parses and formats the same notation).
CREATE FUNCTION epermit_frequency_notation(p_count integer, p_every integer, p_unit text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT p_count::text || '次/' || CASE WHEN p_every = 1 THEN '' ELSE p_every::text END
          || CASE p_unit WHEN 'HOUR' THEN '小时' WHEN 'DAY' THEN '日' WHEN 'WEEK' THEN '周' WHEN 'MONTH' THEN '月'
                         WHEN 'QUARTER' THEN '季度' WHEN 'HALF_YEAR' THEN '半年' WHEN 'YEAR' THEN '年' END $$;

-- The `MonitoringRequirement` schema. For AUTOMATIC monitoring the frequency is the manual one that applies while the
-- monitor is out of service (HJ 819-2017), hence frequencyApplies.
CREATE FUNCTION epermit_monitoring_document(p_mode text, p_count integer, p_every integer, p_unit text,
                                            p_sampling_method text, p_samples_per_event integer) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT json_build_object(
    'mode', p_mode,
    'frequency', json_build_object('count', p_count, 'every', p_every, 'unit', p_unit,
                                   'notation', epermit_frequency_notation(p_count, p_every, p_unit)),
    'frequencyApplies', CASE p_mode WHEN 'AUTOMATIC' THEN 'DURING_OUTAGE' ELSE 'ALWAYS' END,
    'samplingMethod', p_sampling_method,
    'samplesPerEvent', p_samples_per_event) $$;

-- The `PollutantLimit` schema, or null when the parameter is monitored but not limited (flow). A range has both
-- bounds (pH 6–9); a unit of null is dimensionless (pH).
CREATE FUNCTION epermit_limit_document(p_min numeric, p_max numeric, p_unit text, p_averaging text,
                                       p_reference_oxygen numeric) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN p_min IS NULL AND p_max IS NULL THEN NULL ELSE json_build_object(
    'min', p_min, 'max', p_max, 'unit', p_unit, 'averaging', p_averaging,
    'referenceOxygenPercent', p_reference_oxygen) END $$;

-- The `StandardCitation` schema: the standard and the table of it a limit comes from; special emission limits
-- (特别排放限值) are tables of their own.
CREATE FUNCTION epermit_standard_document(p_code text, p_name_zh text, p_name_en text, p_kind text, p_table text,
                                          p_special boolean) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN p_code IS NULL THEN NULL ELSE json_build_object(
    'code', p_code, 'name', p_name_zh, 'nameEn', p_name_en, 'kind', p_kind, 'table', p_table,
    'special', coalesce(p_special, false)) END $$;

-- The `ReportObligation` schema.
CREATE FUNCTION epermit_report_obligation_document(p_type text, p_months_after integer, p_day integer) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT json_build_object('type', p_type,
                            'deadline', json_build_object('monthsAfterPeriod', p_months_after, 'day', p_day)) $$;

-- A limit that has only a lower bound still says which value it applies to (the document's averaging is never null).
ALTER TABLE permit_outlet_pollutant ADD CONSTRAINT permit_outlet_pollutant_min_basis_check
    CHECK (limit_min IS NULL OR averaging IS NOT NULL);

-- ---------------------------------------------------------------------------------------------------------
-- The document of a permit's current version (same signature as in V3: callers render and store it by id)
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION permit_public_document(p_permit_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS
$$
BEGIN
RETURN (SELECT json_build_object(
    'permitNumber', p.permit_number,
    'version', p.version,
    'category', p.category,
    'status', p.status,
    'issueDate', p.issue_date,
    'validFrom', p.valid_from,
    'validTo', p.valid_to,
    -- NULL for a registration receipt (登记), which is self-filed: no authority decides it
    'issuingAuthority', CASE WHEN auth.code IS NULL THEN NULL ELSE epermit_code_name(auth.code, auth.name_zh, auth.name_en) END,
    'enterprise', json_build_object(
        'creditCode', e.credit_code,
        'name', e.name,
        'address', e.address,
        'region', epermit_code_name(er.code, er.name_zh, er.name_en),
        'industry', epermit_code_name(ei.code, ei.name_zh, ei.name_en)),
    'site', json_build_object(
        'name', p.site_name,
        'address', p.site_address,
        'region', epermit_code_name(r.code, r.name_zh, r.name_en),
        'industry', epermit_code_name(i.code, i.name_zh, i.name_en),
        'secondaryIndustries', coalesce((
            SELECT json_agg(epermit_code_name(si.code, si.name_zh, si.name_en) ORDER BY si.code)
            FROM permit_secondary_industry s JOIN industry si ON si.code = s.industry_code
            WHERE s.permit_id = p.id), '[]'::json),
        'longitude', p.longitude,
        'latitude', p.latitude),
    'outlets', coalesce((
        SELECT json_agg(json_build_object(
            'code', o.code,
            'name', o.name,
            'medium', o.medium,
            'kind', o.kind,
            'longitude', o.longitude,
            'latitude', o.latitude,
            'stackHeightMeters', o.stack_height_m,
            'receivingWater', o.receiving_water,
            'pollutants', coalesce((
                SELECT json_agg(json_build_object(
                    'pollutantCode', op.pollutant_code,
                    'pollutantName', pl.name_zh,
                    'limit', epermit_limit_document(op.limit_min, op.limit_value, op.limit_unit, op.averaging,
                                                    op.reference_oxygen_pct),
                    'standard', epermit_standard_document(st.code, st.name_zh, st.name_en, st.kind,
                                                          op.standard_table, stt.special),
                    'rateLimitKgPerHour', op.rate_limit_kg_h,
                    'monitoring', epermit_monitoring_document(op.monitoring_mode, op.frequency_count,
                                                              op.frequency_every, op.frequency_unit,
                                                              op.sampling_method, op.samples_per_event))
                    ORDER BY pl.display_order, op.pollutant_code)
                FROM permit_outlet_pollutant op
                JOIN pollutant pl ON pl.code = op.pollutant_code
                LEFT JOIN emission_standard st ON st.code = op.standard_code
                LEFT JOIN emission_standard_table stt
                       ON stt.standard_code = op.standard_code AND stt.table_ref = op.standard_table
                WHERE op.outlet_id = o.id), '[]'::json))
            ORDER BY o.code)
        FROM permit_outlet o WHERE o.permit_id = p.id), '[]'::json),
    'annualQuantities', coalesce((
        SELECT json_agg(json_build_object(
            'pollutantCode', q.pollutant_code,
            'pollutantName', pl.name_zh,
            'year', q.year,
            'tonnes', q.quantity_t)
            ORDER BY pl.display_order, q.pollutant_code, q.year)
        FROM permit_annual_quantity q JOIN pollutant pl ON pl.code = q.pollutant_code
        WHERE q.permit_id = p.id), '[]'::json),
    'reportObligations', coalesce((
        SELECT json_agg(epermit_report_obligation_document(ro.report_type, ro.due_months_after, ro.due_day)
                        ORDER BY array_position(ARRAY['ANNUAL', 'SEMIANNUAL', 'QUARTERLY', 'MONTHLY'], ro.report_type))
        FROM permit_report_obligation ro WHERE ro.permit_id = p.id), '[]'::json))
FROM permit p
JOIN enterprise e ON e.id = p.enterprise_id
JOIN region er ON er.code = e.region_code
JOIN industry ei ON ei.code = e.industry_code
JOIN region r ON r.code = p.region_code
JOIN industry i ON i.code = p.industry_code
LEFT JOIN region auth ON auth.code = p.issuing_authority
WHERE p.id = p_permit_id);
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Superseded versions: their frozen documents (V3's shape) in the new shape
-- ---------------------------------------------------------------------------------------------------------
-- What an old document said is kept; what it did not say is what V9 gave the rows written before it: a limit is an
-- upper bound on the hourly mean for air, the daily mean for water, each sample for pH; the frequency once per period
-- of the old enumeration; air sampled non-continuously, 3 samples an event, water by grab samples, 1 an event; report
-- deadlines on the 15th of the month after the period. It listed no secondary industry classes, cited no standard
-- table (so no special limits), and every standard it cited was a national one until V9.
-- Built as jsonb in place rather than through the json functions above (whose results would be parsed again): half
-- the time, which counts here, once per superseded version. PublicDocumentMigrationTest checks the result against
-- the published schema; the notation still comes from its one formatter.
CREATE FUNCTION epermit_v12_upgraded_document(d jsonb, standards jsonb) RETURNS jsonb
    LANGUAGE sql STABLE AS
$$
SELECT d || jsonb_build_object(
    'site', (d -> 'site') || '{"secondaryIndustries": []}'::jsonb,
    'outlets', coalesce((
        SELECT jsonb_agg(o || jsonb_build_object('pollutants', coalesce((
            SELECT jsonb_agg((op - 'unit') || jsonb_build_object(
                'limit', CASE WHEN jsonb_typeof(op -> 'limit') = 'number' THEN jsonb_build_object(
                    'min', NULL, 'max', op -> 'limit', 'unit', op -> 'unit',
                    'averaging', CASE WHEN op ->> 'pollutantCode' = 'w01001' THEN 'SAMPLE'
                                      WHEN op ->> 'pollutantCode' LIKE 'a%' THEN 'HOURLY' ELSE 'DAILY' END,
                    'referenceOxygenPercent', NULL) END,
                'standard', standards -> (op ->> 'standard'),
                'monitoring', jsonb_build_object(
                    'mode', op -> 'monitoring' -> 'mode',
                    'frequency', jsonb_build_object('count', 1, 'every', 1, 'unit', f.unit,
                                                    'notation', epermit_frequency_notation(1, 1, f.unit)),
                    'frequencyApplies', CASE op -> 'monitoring' ->> 'mode' WHEN 'AUTOMATIC' THEN 'DURING_OUTAGE' ELSE 'ALWAYS' END,
                    'samplingMethod', CASE WHEN op ->> 'pollutantCode' LIKE 'a%' THEN 'NON_CONTINUOUS' ELSE 'GRAB' END,
                    'samplesPerEvent', CASE WHEN op ->> 'pollutantCode' LIKE 'a%' THEN 3 ELSE 1 END))
                ORDER BY pn)
            FROM jsonb_array_elements(o -> 'pollutants') WITH ORDINALITY AS pollutants (op, pn),
                 LATERAL (SELECT CASE op -> 'monitoring' ->> 'manualFrequency'
                                     WHEN 'DAILY' THEN 'DAY' WHEN 'WEEKLY' THEN 'WEEK' WHEN 'MONTHLY' THEN 'MONTH'
                                     WHEN 'QUARTERLY' THEN 'QUARTER' WHEN 'HALF_YEARLY' THEN 'HALF_YEAR' ELSE 'YEAR' END) AS f (unit)),
            '[]'::jsonb))
            ORDER BY n)
        FROM jsonb_array_elements(d -> 'outlets') WITH ORDINALITY AS outlets (o, n)), '[]'::jsonb),
    'reportObligations', coalesce((
        SELECT jsonb_agg(jsonb_build_object('type', t, 'deadline', '{"monthsAfterPeriod": 1, "day": 15}'::jsonb) ORDER BY n)
        FROM jsonb_array_elements(d -> 'reportObligations') WITH ORDINALITY AS obligations (t, n)), '[]'::jsonb))
$$;

-- Documents already in the new shape (written by this version's loader) are left alone. The standards as the
-- document cites them, built once for the statement.
UPDATE permit_version SET snapshot = epermit_v12_upgraded_document(snapshot, (
    SELECT jsonb_object_agg(st.code, epermit_standard_document(st.code, st.name_zh, st.name_en, st.kind, NULL, false)::jsonb)
    FROM emission_standard st))
WHERE snapshot IS NOT NULL AND NOT (snapshot -> 'site' ? 'secondaryIndustries');

DROP FUNCTION epermit_v12_upgraded_document(jsonb, jsonb);

-- ---------------------------------------------------------------------------------------------------------
-- Search by industry: a site is found by its main class or any secondary one
-- ---------------------------------------------------------------------------------------------------------
-- Every prefix a search may give (1 to 4 digits) of each of a site's classes: 4412 and 4430 give {4, 44, 441, 443,
-- 4412, 4430}.
CREATE FUNCTION epermit_industry_prefixes(p_main text, p_secondary text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ARRAY(SELECT DISTINCT left(c, n) COLLATE "C"
                FROM unnest(p_main || coalesce(p_secondary, '{}')) AS c, generate_series(1, length(c)) AS n
                ORDER BY 1) $$;

-- A copy of the permit's rows in permit_secondary_industry, kept by the triggers below (write the table, never this
-- column): the permit row then holds all its classes, so the triggers on permit see what a change changed.
ALTER TABLE permit ADD COLUMN secondary_industries text[] COLLATE "C" NOT NULL DEFAULT '{}';

CREATE FUNCTION permit_secondary_industries_sync() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- one statement for all the rows a statement changed (a bulk COPY fires it once), never one per row; a permit
    -- whose copy is already right (a loader wrote it) is not rewritten
    UPDATE permit p SET secondary_industries = c.codes
    FROM (SELECT ids.permit_id,
                 coalesce((SELECT array_agg(s.industry_code::text ORDER BY s.industry_code)
                           FROM permit_secondary_industry s WHERE s.permit_id = ids.permit_id), '{}') AS codes
          FROM (SELECT DISTINCT permit_id FROM changed_rows) ids) c
    WHERE p.id = c.permit_id AND p.secondary_industries IS DISTINCT FROM c.codes;
    RETURN NULL;
END
$$;
CREATE FUNCTION permit_secondary_industries_cleared() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE permit SET secondary_industries = '{}' WHERE secondary_industries <> '{}';
    RETURN NULL;
END
$$;
-- A trigger with transition tables serves one event, and one transition table here: on UPDATE, one trigger refreshes
-- the permits the rows were of, the other those they are of now (they differ when a row moves to another permit).
CREATE TRIGGER permit_secondary_industry_inserted AFTER INSERT ON permit_secondary_industry
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION permit_secondary_industries_sync();
CREATE TRIGGER permit_secondary_industry_updated_from AFTER UPDATE ON permit_secondary_industry
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION permit_secondary_industries_sync();
CREATE TRIGGER permit_secondary_industry_updated_to AFTER UPDATE ON permit_secondary_industry
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION permit_secondary_industries_sync();
CREATE TRIGGER permit_secondary_industry_deleted AFTER DELETE ON permit_secondary_industry
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION permit_secondary_industries_sync();
CREATE TRIGGER permit_secondary_industry_truncated AFTER TRUNCATE ON permit_secondary_industry
    FOR EACH STATEMENT EXECUTE FUNCTION permit_secondary_industries_cleared();

UPDATE permit p
SET secondary_industries = s.codes
FROM (SELECT permit_id, array_agg(industry_code::text ORDER BY industry_code) AS codes
      FROM permit_secondary_industry GROUP BY permit_id) s
WHERE s.permit_id = p.id;

-- Each prefix of each class of each permit, with the permit number: a search for prefix x reads the index at x in
-- permit-number order, the order results are paged in, so it stops at a page's end whether x is rare or common
-- (the planner knows how common a prefix is from this column's statistics). An array of the prefixes on the permit
-- with a GIN index was tried first and measured at 1,000,000 permits: the planner's statistics of array elements
-- know no frequency below the least common element they hold, so a class few or no sites have was estimated at
-- 5,000 rows, and the search walked the whole permit-number index to return them (3.2 s instead of 5 ms).
CREATE TABLE permit_industry_prefix (
    prefix         varchar(4)  COLLATE "C" NOT NULL,
    permit_number  varchar(22) COLLATE "C" NOT NULL
);
INSERT INTO permit_industry_prefix (prefix, permit_number)
SELECT x, p.permit_number FROM permit p, unnest(epermit_industry_prefixes(p.industry_code, p.secondary_industries)) AS x
ORDER BY 1, 2;
ALTER TABLE permit_industry_prefix ADD PRIMARY KEY (prefix, permit_number);

-- Kept by the permit's own triggers, which see its number and all its classes before and after a change.
CREATE FUNCTION permit_industry_prefix_sync() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO permit_industry_prefix (prefix, permit_number)
        SELECT x, n.permit_number FROM new_permits n, unnest(epermit_industry_prefixes(n.industry_code, n.secondary_industries)) AS x;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM permit_industry_prefix ip
        USING (SELECT x, o.permit_number FROM old_permits o, unnest(epermit_industry_prefixes(o.industry_code, o.secondary_industries)) AS x) g (prefix, permit_number)
        WHERE ip.prefix = g.prefix AND ip.permit_number = g.permit_number;
    ELSE
        -- only the permits whose number or classes changed, and of those only the pairs that changed
        WITH changed AS (
            SELECT o.permit_number AS old_number, epermit_industry_prefixes(o.industry_code, o.secondary_industries) AS old_prefixes,
                   n.permit_number AS new_number, epermit_industry_prefixes(n.industry_code, n.secondary_industries) AS new_prefixes
            FROM old_permits o JOIN new_permits n ON n.id = o.id
            WHERE (o.permit_number, o.industry_code, o.secondary_industries)
                  IS DISTINCT FROM (n.permit_number, n.industry_code, n.secondary_industries)),
        gone AS (
            DELETE FROM permit_industry_prefix ip
            USING (SELECT x, old_number FROM changed, unnest(old_prefixes) AS x
                   EXCEPT SELECT x, new_number FROM changed, unnest(new_prefixes) AS x) g (prefix, permit_number)
            WHERE ip.prefix = g.prefix AND ip.permit_number = g.permit_number)
        INSERT INTO permit_industry_prefix (prefix, permit_number)
        SELECT x, new_number FROM changed, unnest(new_prefixes) AS x
        EXCEPT SELECT x, old_number FROM changed, unnest(old_prefixes) AS x;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER permit_industry_prefix_inserted AFTER INSERT ON permit
    REFERENCING NEW TABLE AS new_permits FOR EACH STATEMENT EXECUTE FUNCTION permit_industry_prefix_sync();
CREATE TRIGGER permit_industry_prefix_updated AFTER UPDATE ON permit
    REFERENCING OLD TABLE AS old_permits NEW TABLE AS new_permits FOR EACH STATEMENT EXECUTE FUNCTION permit_industry_prefix_sync();
CREATE TRIGGER permit_industry_prefix_deleted AFTER DELETE ON permit
    REFERENCING OLD TABLE AS old_permits FOR EACH STATEMENT EXECUTE FUNCTION permit_industry_prefix_sync();
