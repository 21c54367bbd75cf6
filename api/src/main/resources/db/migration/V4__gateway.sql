-- The gateway: API clients and their credentials, delegations, and the audit log.

-- A registered caller: a third-party app, a vendor, an enterprise, a regulator or an administrator. Credentials
-- (API keys, or a Keycloak client via oidc_client_id) all resolve to one client, so both end in one principal.
CREATE TABLE api_client (
    id              uuid PRIMARY KEY,
    name            text    NOT NULL,
    organisation    text    NOT NULL,
    contact_email   text,
    roles           text[]  NOT NULL CHECK (roles <@ ARRAY['vendor', 'enterprise', 'regulator', 'admin']::text[]),
    scopes          text[]  NOT NULL CHECK (scopes <@ ARRAY['permits:read', 'filings:write', 'reviews:write', 'stats:read', 'admin']::text[]),
    region_code     varchar(6) COLLATE "C" CHECK (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})$'),  -- a regulator's region prefix
    enterprise_id   bigint  REFERENCES enterprise (id),                    -- an enterprise user's unit
    plan            text    NOT NULL,
    status          text    NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED')),
    oidc_client_id  text    UNIQUE,                                        -- Keycloak azp / client_id
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT ('regulator' = ANY (roles)) OR region_code IS NOT NULL),
    CHECK (NOT ('enterprise' = ANY (roles)) OR enterprise_id IS NOT NULL)
);

-- API keys are shown once; only a SHA-256 digest of the secret part is kept. `id` is the public key id that
-- the key carries, so a key is found with one primary-key read.
CREATE TABLE api_key (
    id             varchar(24) COLLATE "C" PRIMARY KEY,
    client_id      uuid    NOT NULL REFERENCES api_client (id),
    secret_sha256  bytea   NOT NULL CHECK (length(secret_sha256) = 32),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz,     -- set when a rotation replaces the key: it works until then
    revoked_at     timestamptz      -- revoked keys stop at once
);
CREATE INDEX api_key_client_idx ON api_key (client_id);

-- 委托: an enterprise lets a vendor client act for it, on all or some of its permits, with some scopes.
CREATE TABLE delegation (
    id                uuid PRIMARY KEY,
    enterprise_id     bigint NOT NULL REFERENCES enterprise (id),
    vendor_client_id  uuid   NOT NULL REFERENCES api_client (id),
    all_permits       boolean NOT NULL,
    scopes            text[] NOT NULL CHECK (scopes <@ ARRAY['permits:read', 'filings:write']::text[] AND cardinality(scopes) > 0),
    valid_from        timestamptz NOT NULL,
    valid_to          timestamptz NOT NULL,
    revoked_at        timestamptz,
    created_by        uuid   NOT NULL REFERENCES api_client (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to > valid_from)
);
CREATE INDEX delegation_vendor_idx ON delegation (vendor_client_id, enterprise_id);
CREATE INDEX delegation_enterprise_idx ON delegation (enterprise_id);

CREATE TABLE delegation_permit (
    delegation_id  uuid   NOT NULL REFERENCES delegation (id),
    permit_id      bigint NOT NULL REFERENCES permit (id),
    PRIMARY KEY (delegation_id, permit_id)
);

-- Every authenticated request and every write. Append-only: no code path updates or deletes it, and the
-- trigger below refuses it to anyone who tries.
CREATE TABLE audit_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    client_id        uuid,
    subject          text,
    credential_type  text    NOT NULL CHECK (credential_type IN ('API_KEY', 'OAUTH2', 'ANONYMOUS')),
    method           text    NOT NULL,
    route            text    NOT NULL,       -- the route template, e.g. /v1/permits/{permitNumber}
    permit_number    varchar(22) COLLATE "C",
    status           smallint NOT NULL,
    latency_ms       numeric(10, 3) NOT NULL,
    request_id       text    NOT NULL,
    body_sha256      bytea,                  -- writes only
    client_ip        inet
);
CREATE INDEX audit_log_client_idx ON audit_log (client_id, id);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
