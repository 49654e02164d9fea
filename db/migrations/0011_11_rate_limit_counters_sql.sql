-- Rate-limit counters need no crash safety (a lost counter forgives at most one minute) and are written on
-- every API request: unlogged, so those writes skip the WAL.
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
