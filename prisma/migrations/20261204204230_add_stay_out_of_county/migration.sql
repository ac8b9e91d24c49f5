-- The patient is folkbokförd in another county (län) than the ward's: the home kommun is
-- reached through the mottagning for other kommuner, and the ward makes contact. Set at
-- admission from the kommunkoder (their first two digits are the län).
ALTER TABLE "stay" ADD COLUMN "out_of_county" BOOLEAN NOT NULL DEFAULT false;
