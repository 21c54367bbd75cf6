-- The API's lookup statement (PermitQueries.PUBLIC_DOCUMENT) for a permit number drawn at random from the same
-- sample the wrk run uses (bench.sample_key, written by read-paths.sh). pgbench cannot draw strings, so each
-- transaction first reads the number by its sample index: one extra primary-key lookup on a 10,000-row table
-- per transaction, which makes this ceiling slightly LOWER than the lookup alone (read the -r per-statement
-- latencies in the results file to see its share).
-- Run with -M prepared -D nkeys=<rows in bench.sample_key>.
\set k random(1, :nkeys)
SELECT permit_number AS pn FROM bench.sample_key WHERE k = :k \gset
SELECT body FROM permit_document WHERE permit_number = :pn;
