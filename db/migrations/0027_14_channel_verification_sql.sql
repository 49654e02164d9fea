-- Channels created before address verification existed were already routing mail (and their addresses were
-- unique across organizations), so they are kept working as verified; every channel added from now on starts
-- pending until its address is proven.
UPDATE "channels" SET "status" = 'verified', "verified_at" = coalesce("verified_at", now()) WHERE "status" = 'pending';
