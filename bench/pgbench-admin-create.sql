-- The database's own ceiling for POST /v1/admin/clients: the statements one registration runs, as the service sends
-- them (captured with log_statement = 'all'): the API key's lookup, then in one transaction the client, its first
-- key, its outbox event and its audit row. Values are made up per transaction; sizes match the service's. (pgbench reads
-- :word as a variable even in a literal: casts are CAST(x AS t), and the scope permits:read is the variable :scope.)
\set n random(1, 1000000000)
SELECT k.secret_sha256, k.expires_at, k.revoked_at, c.id, c.name, c.roles, c.scopes, c.region_code, c.enterprise_id,
       c.plan, c.status FROM api_key k JOIN api_client c ON c.id = k.client_id WHERE k.id = :keyid;
BEGIN;
INSERT INTO api_client (contact_email, created_at, enterprise_id, name, oidc_client_id, organisation, plan, region_code,
                        roles, scopes, status, updated_at, version, id)
VALUES (NULL, now(), NULL, 'Bench ' || :n, NULL, 'ePermit bench', 'free', NULL, '{vendor}', ARRAY[:scope], 'ACTIVE',
        now(), 0, gen_random_uuid())
RETURNING id AS client_id \gset
INSERT INTO api_key (client_id, created_at, expires_at, revoked_at, secret_sha256, id)
VALUES (:client_id, now(), NULL, NULL, sha256(convert_to(md5(CAST(random() AS text)), 'UTF8')), substr(md5(CAST(random() AS text)), 1, 16));
INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, sequence, payload, occurred_at, request_id)
VALUES ('client.created', 'client', :client_id, 1, jsonb_build_object('id', CAST(:client_id AS text), 'name', 'Bench ' || :n,
        'organisation', 'ePermit bench', 'contactEmail', NULL, 'roles', CAST('["vendor"]' AS jsonb),
        'scopes', jsonb_build_array(CAST(:scope AS text)), 'regionCode', NULL, 'enterpriseCreditCode', NULL, 'plan', 'free',
        'status', 'ACTIVE', 'oidcClientId', NULL, 'keys', CAST('[]' AS jsonb), 'createdAt', now(), 'updatedAt', now()),
        now(), CAST(gen_random_uuid() AS text));
INSERT INTO audit_log (occurred_at, client_id, subject, credential_type, method, route, permit_number, status,
                       latency_ms, request_id, body_sha256, client_ip, idempotency_key, replayed, correlation_id,
                       resource_type, resource_id, changed_fields)
VALUES (now(), :admin, 'key:' || :keyid, 'API_KEY', 'POST', '/v1/admin/clients', NULL, 201, 1.5,
        CAST(gen_random_uuid() AS text), sha256(convert_to(CAST(:client_id AS text), 'UTF8')), '127.0.0.1', NULL, false, NULL, 'client',
        :client_id, NULL);
COMMIT;
