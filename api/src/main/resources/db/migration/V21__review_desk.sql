-- Version 21: the regulator's review desk (issue 12). An application carries what the desk reckons its statutory
-- deadline from (its region, its management category, the day it was accepted, whether a site inspection was
-- ordered); its history carries the one notice of corrections and a decision's reasons. An execution report's
-- reviews are their own append-only history.

ALTER TABLE application
    -- the region of the permit, or of an INITIAL application's draft site: who may review it
    ADD COLUMN region_code      varchar(6) COLLATE "C" REFERENCES region (code),
    -- KEY or SIMPLIFIED (the permit's, or the draft's): the queue's filter and the initial decision period
    ADD COLUMN category         text CHECK (category IN ('KEY', 'SIMPLIFIED', 'REGISTRATION')),
    -- 受理: the statutory decision period runs from the day after; NULL until accepted (or deemed accepted)
    ADD COLUMN accepted_on      date,
    -- set at acceptance for an INITIAL application under key management: 45 days instead of 30
    ADD COLUMN site_inspection  boolean NOT NULL DEFAULT false,
    ADD COLUMN decided_on       date,
    -- when it entered the queue: filed, or resubmitted after a return (the acceptance period runs from then)
    ADD COLUMN submitted_at     timestamptz;
UPDATE application a SET region_code = p.region_code, category = p.category FROM permit p WHERE p.id = a.permit_id;
UPDATE application SET submitted_at = filed_at;
ALTER TABLE application ALTER COLUMN region_code SET NOT NULL, ALTER COLUMN category SET NOT NULL,
    ALTER COLUMN submitted_at SET NOT NULL;
-- the desk's queue: pending applications, oldest first
CREATE INDEX application_pending_idx ON application (submitted_at, id) WHERE status IN ('SUBMITTED', 'ACCEPTED');

-- the one notice of everything to correct (RETURNED), or a rejection's reasons (REJECTED): a JSON array
ALTER TABLE application_event ADD COLUMN details jsonb;

-- An execution report's reviews, in order: which version was reviewed, ACCEPTED or RETURNED, by whom, with the
-- regulator's comment (never public). A correction of a returned report adds a version and puts it back in the queue.
CREATE TABLE execution_report_review (
    report_id       bigint      NOT NULL REFERENCES execution_report (id),
    sequence        integer     NOT NULL CHECK (sequence >= 1),
    report_version  integer     NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN ('ACCEPTED', 'RETURNED')),
    at              timestamptz NOT NULL,
    by_client       uuid        NOT NULL REFERENCES api_client (id),
    comment         text,
    PRIMARY KEY (report_id, sequence)
);
CREATE FUNCTION execution_report_review_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'execution_report_review is append-only: a review adds a row';
END
$$;
CREATE TRIGGER execution_report_review_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON execution_report_review
    FOR EACH STATEMENT EXECUTE FUNCTION execution_report_review_is_append_only();
-- When the report's current version was submitted: a correction puts it back in the queue at that moment.
ALTER TABLE execution_report ADD COLUMN submitted_at timestamptz;
UPDATE execution_report r SET submitted_at = (SELECT max(v.submitted_at) FROM execution_report_version v WHERE v.report_id = r.id);
ALTER TABLE execution_report ALTER COLUMN submitted_at SET NOT NULL;
-- the desk's queue of reports: those awaiting review, oldest first
CREATE INDEX execution_report_pending_idx ON execution_report (submitted_at, id) WHERE status = 'SUBMITTED';

-- A CHANGE application may name the unit's principal person in charge (主要负责人); an approved change writes it here.
-- Never public, like the legal representative.
ALTER TABLE enterprise ADD COLUMN principal_person text;
