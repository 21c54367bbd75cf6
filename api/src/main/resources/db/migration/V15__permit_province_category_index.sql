-- Version 15: a province's permits of one category, in permit-number order (measured: bench/read-paths.sh at
-- 1,000,000 permits, docs/performance.md). A permit number begins with the holder's credit code, whose division
-- digits follow the region, so walking the category index in permit-number order skips every KEY permit of the
-- provinces before the one asked for: with the demo data's national mix (a minority KEY) the planner chose that walk
-- for region=44&category=KEY&status=VALID, reading 115,752 buffers for a page of 20 (7 requests/s). The regulator's
-- natural filter, a province and a category, is now one range of this index.
CREATE INDEX permit_province_category_idx ON permit (province_code, category, permit_number);
