-- HQ schema 7 is reserved for HQ's named accounts (issue 23 item 1, another branch). This empty step only
-- keeps the numbering gapless on this branch; it is replaced by that branch's 0007 when both are merged.
SELECT 1;
