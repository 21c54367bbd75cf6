-- Version 14: monitoring frequencies are counts per period only (V9's frequency_count/every/unit). The enum column
-- manual_frequency (DAILY … YEARLY), which cannot express most real permits, was transitional: since V11 nothing
-- writes it and since V12 the public document does not read it.
ALTER TABLE permit_outlet_pollutant DROP COLUMN manual_frequency;
ALTER TABLE industry_pollutant_profile DROP COLUMN manual_frequency;

-- The stored documents (V13) in the shape V12 renders, whatever shape a database held before.
SELECT permit_document_refresh_all();
