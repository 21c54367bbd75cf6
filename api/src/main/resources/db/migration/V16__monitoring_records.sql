-- V16: self-monitoring data (自行监测数据): the monitoring devices (HJ 212 MN) registered to a permit's outlets,
-- the batches received, and the records themselves, laid out for tens of billions of rows
-- (one outlet x 5 pollutants x 8,760 hourly means a year x 1,000,000 permits; records are kept at least 5 years).

-- A monitoring station's device number (HJ 212-2017 MN) routes its packets to one outlet of one permit. An MN is
-- unique nationally: a station belongs to one outlet.
CREATE TABLE monitoring_device (
    mn             varchar(24) COLLATE "C" PRIMARY KEY CHECK (mn ~ '^[0-9A-Za-z]{1,24}$'),
    permit_id      bigint      NOT NULL REFERENCES permit (id),
    outlet_code    varchar(5)  COLLATE "C" NOT NULL CHECK (outlet_code ~ '^D[AW][0-9]{3}$'),
    registered_at  timestamptz NOT NULL,
    registered_by  uuid        NOT NULL
);
CREATE INDEX monitoring_device_permit_idx ON monitoring_device (permit_id, outlet_code);

-- One accepted batch (the aggregate of the outbox event monitoring.batch_received): what came in and what it did.
CREATE TABLE monitoring_batch (
    id           uuid        PRIMARY KEY,
    permit_id    bigint      NOT NULL REFERENCES permit (id),
    source       text        NOT NULL CHECK (source IN ('JSON', 'CSV', 'HJ212')),
    received_at  timestamptz NOT NULL,
    client_id    uuid        NOT NULL,
    received     integer     NOT NULL CHECK (received >= 0),
    inserted     integer     NOT NULL CHECK (inserted >= 0),
    duplicates   integer     NOT NULL CHECK (duplicates >= 0),
    exceedances  integer     NOT NULL CHECK (exceedances >= 0)
);
CREATE INDEX monitoring_batch_permit_idx ON monitoring_batch (permit_id, received_at);

-- The records. Layout choices, for the volume above:
--
-- * Range-partitioned by measured_from, one partition per calendar year (UTC+8 boundaries: a China-time year,
--   which is how reports and retention count). A year is the unit of retention (records are kept at least 5 years,
--   so an old year is dropped or detached whole, with no DELETE and no vacuum debt), and every read names a time
--   range (reports, cross-checks, the listing), so the planner prunes to one or two partitions. Monthly partitions
--   would keep each partition's indexes smaller but give 60+ tables per retention window for no gain in pruning
--   that the per-series key below does not already give; the function below creates any year on demand, so an
--   operator can move to finer partitions for new years without touching this layout.
-- * A DEFAULT partition catches a record whose year has no partition yet, so ingestion never fails for want of
--   one; epermit_monitoring_record_partition(year) should be run before a year starts (a year's partition cannot
--   be created while the default holds rows of that year: they must be moved out first).
-- * The unique key (permit, outlet, pollutant, kind, averaging, measured_from) includes the partition key, as
--   PostgreSQL requires, and makes the duplicate check of an incoming record one index probe (INSERT … ON CONFLICT
--   DO NOTHING); its leading columns also serve the reads of one series over a period (an execution report's
--   cross-checks: one outlet's pollutant over a quarter).
-- * (permit_id, measured_from) serves the listing of all of a permit's series in time order, and a partial index
--   the exceedances, which are few.
-- * No foreign keys: every record is checked against the permit's version before it is written, a foreign-key
--   check per row would cost an index probe into permit for each of the billions of rows, and a table sharded by
--   permit across servers (docs/monitoring-data.md) cannot have one anyway.
CREATE TABLE monitoring_record (
    permit_id       bigint      NOT NULL,
    permit_version  integer     NOT NULL CHECK (permit_version >= 1),
    outlet_code     varchar(5)  COLLATE "C" NOT NULL,
    pollutant_code  varchar(6)  COLLATE "C" NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('AUTOMATIC', 'MANUAL')),
    -- what the value is the mean of: one sample (a manual sample, or a real-time value), a minute interval, a
    -- clock hour or a China-time day
    averaging       text        NOT NULL CHECK (averaging IN ('SAMPLE', 'MINUTE', 'HOURLY', 'DAILY')),
    measured_from   timestamptz NOT NULL,
    -- = measured_from for an instantaneous sample
    measured_to     timestamptz NOT NULL,
    value           numeric     NOT NULL,
    unit            text        NOT NULL,
    flag            text        NOT NULL CHECK (flag IN ('VALID', 'STOPPED', 'MAINTENANCE', 'MANUAL_SET', 'FAULT',
                                                         'CALIBRATION', 'OVER_RANGE', 'COMMUNICATION_FAULT')),
    -- outside the limit of the version in force, where that limit applies to this record (limit_min/limit_max)
    exceedance      boolean     NOT NULL,
    -- the limit the value was compared with; both null when it was compared with none
    limit_min       numeric,
    limit_max       numeric,
    received_at     timestamptz NOT NULL,
    batch_id        uuid        NOT NULL,
    source          text        NOT NULL CHECK (source IN ('JSON', 'CSV', 'HJ212')),
    device_mn       varchar(24) COLLATE "C",
    CHECK (measured_to >= measured_from),
    CHECK (kind = 'AUTOMATIC' OR averaging = 'SAMPLE'),
    CHECK (NOT exceedance OR limit_min IS NOT NULL OR limit_max IS NOT NULL),
    CONSTRAINT monitoring_record_key
        UNIQUE (permit_id, outlet_code, pollutant_code, kind, averaging, measured_from)
) PARTITION BY RANGE (measured_from);

CREATE INDEX monitoring_record_permit_time_idx ON monitoring_record (permit_id, measured_from);
CREATE INDEX monitoring_record_exceedance_idx ON monitoring_record (permit_id, measured_from) WHERE exceedance;

-- Creates the partition of one China-time year if it does not exist yet; returns its name.
CREATE FUNCTION epermit_monitoring_record_partition(p_year integer) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    name text := 'monitoring_record_y' || p_year;
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF monitoring_record FOR VALUES FROM (%L) TO (%L)', name,
                       make_timestamptz(p_year, 1, 1, 0, 0, 0, 'Asia/Shanghai'),
                       make_timestamptz(p_year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai'));
    END IF;
    RETURN name;
END
$$;

-- The years the demo data and the tests use (permits held from 2015 on, the demo's as-of date in 2026) and the next
-- few; later years are created by the function, ahead of time.
SELECT epermit_monitoring_record_partition(y) FROM generate_series(2015, 2030) AS y;
CREATE TABLE monitoring_record_default PARTITION OF monitoring_record DEFAULT;
