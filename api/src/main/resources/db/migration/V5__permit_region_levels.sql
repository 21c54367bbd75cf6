-- Region filters are GB/T 2260 prefixes (province 44, city 4403, county 440305) and searches are ordered by permit
-- number. A range on region_code cannot return rows in that order, and a permit number begins with the holder's
-- credit code, whose division digits follow the region: walking the permit-number index and filtering by region
-- reads most of the table before it fills a page for a province late in the alphabet (measured at 1,000,000
-- permits). One column per prefix length turns each filter into an equality that an index on
-- (prefix, permit_number) serves in order; the county level is region_code itself (permit_region_idx).
ALTER TABLE permit
    ADD COLUMN province_code char(2) COLLATE "C" GENERATED ALWAYS AS (left(region_code, 2)) STORED,
    ADD COLUMN city_code char(4) COLLATE "C" GENERATED ALWAYS AS (left(region_code, 4)) STORED;
CREATE INDEX permit_province_idx ON permit (province_code, permit_number);
CREATE INDEX permit_city_idx     ON permit (city_code, permit_number);
