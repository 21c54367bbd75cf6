-- The API's lookup statement (PermitQueries.PUBLIC_DOCUMENT: the stored document), one permit number for every transaction.
-- Run with -M prepared -D pn=<permit number>: pgbench sends :pn as bind parameter $1, as the service does.
SELECT body FROM permit_document WHERE permit_number = :pn;
