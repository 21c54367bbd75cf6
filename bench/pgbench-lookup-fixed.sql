-- The API's lookup statement (PermitQueries.PUBLIC_DOCUMENT), one permit number for every transaction.
-- Run with -M prepared -D pn=<permit number>: pgbench sends :pn as bind parameter $1, as the service does.
SELECT permit_public_document(id)::text FROM permit WHERE permit_number = :pn;
