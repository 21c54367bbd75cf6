-- V18: report versions and monitoring records that were not filed through this API but imported from elsewhere (the
-- demo data set's history, a migration from a provincial platform). An imported version was accepted where it was
-- filed, so it carries no receipt of ours: the receipt may be missing for IMPORTED versions only, and every version
-- filed through the API keeps its signed receipt.

-- Adding a column with a constant default rewrites no row, so the append-only trigger (a statement trigger on
-- UPDATE/DELETE/TRUNCATE) neither fires nor needs setting aside.
ALTER TABLE execution_report_version
    ADD COLUMN source text NOT NULL DEFAULT 'API' CHECK (source IN ('API', 'IMPORTED')),
    ALTER COLUMN receipt DROP NOT NULL,
    ADD CONSTRAINT execution_report_version_receipt_unless_imported CHECK (receipt IS NOT NULL OR source = 'IMPORTED');

-- Imported monitoring data: records loaded in bulk, not received as a JSON, CSV or HJ 212 batch.
ALTER TABLE monitoring_batch
    DROP CONSTRAINT monitoring_batch_source_check,
    ADD CONSTRAINT monitoring_batch_source_check CHECK (source IN ('JSON', 'CSV', 'HJ212', 'IMPORTED'));
ALTER TABLE monitoring_record
    DROP CONSTRAINT monitoring_record_source_check,
    ADD CONSTRAINT monitoring_record_source_check CHECK (source IN ('JSON', 'CSV', 'HJ212', 'IMPORTED'));
