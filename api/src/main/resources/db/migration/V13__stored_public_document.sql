-- Version 13: the public document of a permit's current version, rendered once and stored (issue 10).
-- A lookup is the hottest public read, and rendering was 90-95% of PostgreSQL's work per lookup at 1,000,000 permits
-- (docs/performance.md). The document is rendered by permit_public_document, as before, but in the transaction that
-- changes anything it shows: statement-level triggers on every table it reads refresh the documents of the permits
-- a statement touched. A lookup is one indexed read of the stored text. PermitDocumentTest proves the stored text
-- equals a fresh rendering after every kind of change. Superseded versions keep theirs in permit_version.snapshot.

CREATE TABLE permit_document (
    permit_id      bigint PRIMARY KEY REFERENCES permit (id) ON DELETE CASCADE,
    -- copies of the permit's own columns, so that a lookup by number or by version reads this table alone
    permit_number  varchar(22) COLLATE "C" NOT NULL UNIQUE,
    version        integer NOT NULL,
    -- the text permit_public_document renders, byte for byte: what the API sends
    body           text NOT NULL
);

-- Renders the documents of the permits p_ids (those that still exist) and stores those that changed.
CREATE FUNCTION permit_document_refresh(p_ids bigint[]) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO permit_document AS d (permit_id, permit_number, version, body)
    SELECT p.id, p.permit_number, p.version, permit_public_document(p.id)::text
    FROM permit p
    WHERE p.id = ANY (p_ids)
    ON CONFLICT (permit_id) DO UPDATE
        SET permit_number = excluded.permit_number, version = excluded.version, body = excluded.body
        WHERE (d.permit_number, d.version, d.body) IS DISTINCT FROM (excluded.permit_number, excluded.version, excluded.body);
END
$$;

-- Renders every permit's document: after a bulk load (with the triggers disabled), or when the document's shape
-- changes (a later migration that replaces permit_public_document ends with it).
CREATE FUNCTION permit_document_refresh_all() RETURNS bigint
    LANGUAGE plpgsql AS
$$
DECLARE
    changed bigint;
BEGIN
    INSERT INTO permit_document AS d (permit_id, permit_number, version, body)
    SELECT p.id, p.permit_number, p.version, permit_public_document(p.id)::text
    FROM permit p
    ON CONFLICT (permit_id) DO UPDATE
        SET permit_number = excluded.permit_number, version = excluded.version, body = excluded.body
        WHERE (d.permit_number, d.version, d.body) IS DISTINCT FROM (excluded.permit_number, excluded.version, excluded.body);
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;

-- The trigger function of every table the document reads. TG_ARGV[0] is a query over the statement's changed rows,
-- with %1$I where the transition table's name goes, giving the ids of the permits whose document shows them. An
-- UPDATE looks at the rows before and after: a row moved from one permit to another changes both.
CREATE FUNCTION permit_document_follow() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    ids bigint[];
    more bigint[];
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format('SELECT array_agg(DISTINCT id) FROM (' || TG_ARGV[0] || ') AS changed(id)', 'changed_after')
            INTO ids;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE format('SELECT array_agg(DISTINCT id) FROM (' || TG_ARGV[0] || ') AS changed(id)', 'changed_before')
            INTO more;
        ids := coalesce(ids, '{}') || coalesce(more, '{}');
    END IF;
    PERFORM permit_document_refresh(ids);
    RETURN NULL;
END
$$;

-- One trigger per table and operation (a trigger with transition tables fires on one kind of event).
DO $$
DECLARE
    source record;
BEGIN
    FOR source IN SELECT * FROM (VALUES
        ('permit', 'SELECT id FROM %1$I'),
        ('enterprise', 'SELECT p.id FROM %1$I c JOIN permit p ON p.enterprise_id = c.id'),
        ('permit_outlet', 'SELECT permit_id FROM %1$I'),
        ('permit_outlet_pollutant', 'SELECT o.permit_id FROM %1$I c JOIN permit_outlet o ON o.id = c.outlet_id'),
        ('permit_annual_quantity', 'SELECT permit_id FROM %1$I'),
        ('permit_report_obligation', 'SELECT permit_id FROM %1$I'),
        ('permit_secondary_industry', 'SELECT permit_id FROM %1$I'),
        -- reference data: names the document shows beside a code
        ('region', 'SELECT p.id FROM %1$I c JOIN permit p ON c.code IN (p.region_code, p.issuing_authority)'
                   || ' UNION SELECT p.id FROM %1$I c JOIN enterprise e ON e.region_code = c.code JOIN permit p ON p.enterprise_id = e.id'),
        ('industry', 'SELECT p.id FROM %1$I c JOIN permit p ON p.industry_code = c.code'
                     || ' UNION SELECT p.id FROM %1$I c JOIN enterprise e ON e.industry_code = c.code JOIN permit p ON p.enterprise_id = e.id'
                     || ' UNION SELECT s.permit_id FROM %1$I c JOIN permit_secondary_industry s ON s.industry_code = c.code'),
        ('pollutant', 'SELECT o.permit_id FROM %1$I c JOIN permit_outlet_pollutant op ON op.pollutant_code = c.code JOIN permit_outlet o ON o.id = op.outlet_id'
                      || ' UNION SELECT q.permit_id FROM %1$I c JOIN permit_annual_quantity q ON q.pollutant_code = c.code'),
        ('emission_standard', 'SELECT o.permit_id FROM %1$I c JOIN permit_outlet_pollutant op ON op.standard_code = c.code JOIN permit_outlet o ON o.id = op.outlet_id'),
        ('emission_standard_table', 'SELECT o.permit_id FROM %1$I c JOIN permit_outlet_pollutant op ON op.standard_code = c.standard_code AND op.standard_table = c.table_ref JOIN permit_outlet o ON o.id = op.outlet_id')
    ) AS t (tab, ids)
    LOOP
        EXECUTE format('CREATE TRIGGER permit_document_after_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_after'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION permit_document_follow(%L)', source.tab, source.ids);
        EXECUTE format('CREATE TRIGGER permit_document_after_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed_after'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION permit_document_follow(%L)', source.tab, source.ids);
        EXECUTE format('CREATE TRIGGER permit_document_after_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_before'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION permit_document_follow(%L)', source.tab, source.ids);
    END LOOP;
END
$$;

SELECT permit_document_refresh_all();
