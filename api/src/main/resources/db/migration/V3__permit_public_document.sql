-- The public disclosure view (信息公开) of a permit's current version, rendered by the database in one indexed
-- read. Superseded versions keep the document they had in permit_version.snapshot. The document's shape is the
-- `PublicPermit` schema of the API contract; a test checks the two agree.

CREATE FUNCTION epermit_code_name(p_code text, p_name_zh text, p_name_en text) RETURNS json
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT json_build_object('code', p_code, 'name', p_name_zh, 'nameEn', p_name_en) $$;

-- PL/pgSQL rather than SQL: it keeps its query plan for the session, where a non-inlined SQL function is planned
-- again at every call (measured: planning dominated the cost of a lookup).
CREATE FUNCTION permit_public_document(p_permit_id bigint) RETURNS json
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
    'issuingAuthority', epermit_code_name(auth.code, auth.name_zh, auth.name_en),
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
                    'limit', op.limit_value,
                    'unit', op.limit_unit,
                    'standard', op.standard_code,
                    'rateLimitKgPerHour', op.rate_limit_kg_h,
                    'monitoring', json_build_object('mode', op.monitoring_mode,
                                                    'manualFrequency', op.manual_frequency))
                    ORDER BY pl.display_order, op.pollutant_code)
                FROM permit_outlet_pollutant op JOIN pollutant pl ON pl.code = op.pollutant_code
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
        SELECT json_agg(ro.report_type ORDER BY array_position(ARRAY['ANNUAL', 'SEMIANNUAL', 'QUARTERLY', 'MONTHLY'], ro.report_type))
        FROM permit_report_obligation ro WHERE ro.permit_id = p.id), '[]'::json))
FROM permit p
JOIN enterprise e ON e.id = p.enterprise_id
JOIN region er ON er.code = e.region_code
JOIN industry ei ON ei.code = e.industry_code
JOIN region r ON r.code = p.region_code
JOIN industry i ON i.code = p.industry_code
JOIN region auth ON auth.code = p.issuing_authority
WHERE p.id = p_permit_id);
END
$$;

-- The versions and lifecycle events of a permit: the `PermitHistory` schema of the API contract.
CREATE FUNCTION permit_history_document(p_permit_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS
$$
BEGIN
RETURN (SELECT json_build_object(
    'permitNumber', p.permit_number,
    'currentVersion', p.version,
    'versions', coalesce((
        SELECT json_agg(json_build_object(
            'version', v.version,
            'effectiveFrom', v.effective_from,
            'effectiveTo', v.effective_to,
            'reason', v.reason) ORDER BY v.version)
        FROM permit_version v WHERE v.permit_id = p.id), '[]'::json),
    'events', coalesce((
        SELECT json_agg(json_build_object(
            'type', ev.event_type,
            'occurredOn', ev.occurred_on,
            'version', ev.version,
            'authority', CASE WHEN r.code IS NULL THEN NULL ELSE epermit_code_name(r.code, r.name_zh, r.name_en) END,
            'description', ev.description) ORDER BY ev.occurred_on, ev.id)
        FROM permit_event ev LEFT JOIN region r ON r.code = ev.authority
        WHERE ev.permit_id = p.id), '[]'::json))
FROM permit p
WHERE p.id = p_permit_id);
END
$$;
