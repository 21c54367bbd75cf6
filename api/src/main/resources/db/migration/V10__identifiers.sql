-- Version 10: identifiers as the standards define them (issue 10). The service's rules are the shared codes library's
-- (org.epermit.codes.CreditCodeRules, PermitNumberRules); these constraints are what the table itself can hold to.
--
-- Credit codes (GB 32100-2015): 18 characters of the 31-character alphabet, positions 3-8 digits (the GB/T 2260
-- division). NOT here: the two check characters. The mod-31 one (position 18) is the service's to check; the GB 11714
-- one of the organisation code (position 17) cannot be a constraint at all, because some genuine early codes fail it
-- and a unit cannot change its code: the service looks such codes up and checks strictly only what it registers.
-- Pseudo-codes of units without a credit code: H9 + the issuing division + 0000 and a 5-digit sequence, or + the
-- 9-character organisation code (GB 11714's digits and upper-case letters) + one lower-case letter other than i and o.
-- `~` is case-sensitive, so an upper-cased pseudo-code is refused, and the prefix H9 is theirs alone.
--
-- NOT VALID: rows from before this version are not re-checked (demo data loaded by an earlier release holds
-- pseudo-codes of the old, upper-case shape); every row written from now on is.
ALTER TABLE enterprise DROP CONSTRAINT enterprise_check,
    ADD CONSTRAINT enterprise_credit_code_check CHECK (CASE WHEN pseudo_credit_code
        THEN credit_code ~ '^H9[0-9]{6}(0000[0-9]{5}|[0-9A-Z]{9})[abcdefghjklmnpqrstuvwxyz]$'
        ELSE credit_code ~ '^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}$' AND credit_code NOT LIKE 'H9%'
    END) NOT VALID;

-- Permit numbers (HJ 608-2017): the holder's code as above + a 3-digit site serial 001-999 + an identification letter,
-- any upper-case one (only the numbers the service issues follow its configured letters; a number is not re-checked
-- against configuration here). The column is COLLATE "C": compared and ordered by code point, so a pseudo-code
-- holder's lower-case letter is kept and sorts after every upper-case character.
ALTER TABLE permit ADD CONSTRAINT permit_number_check CHECK (CASE WHEN permit_number LIKE 'H9%'
        THEN permit_number ~ '^H9[0-9]{6}(0000[0-9]{5}|[0-9A-Z]{9})[abcdefghjklmnpqrstuvwxyz][0-9]{3}[A-Z]$'
        ELSE permit_number ~ '^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}[0-9]{3}[A-Z]$'
    END AND substr(permit_number, 19, 3) <> '000') NOT VALID;
