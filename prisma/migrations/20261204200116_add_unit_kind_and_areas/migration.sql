-- What a unit is within its lane, and the part of its kommun it serves.
-- kind: 'standard' (the kommun's or region's ordinary receiver), 'intake' (a mottagning that
-- holds tasks whose receiving unit could not be resolved until someone routes them),
-- 'hemtjanst' (utförare av hemtjänst), 'korttid' (korttidsboende), 'processagare'.
-- area: the stadsområde / NOSAM area a unit serves, with the postal code prefixes of the
-- addresses in it; a kommun with several units of a kind is routed by these, as data.
CREATE TYPE "UnitKind" AS ENUM ('standard', 'intake', 'hemtjanst', 'korttid', 'processagare');

ALTER TABLE "unit"
  ADD COLUMN "kind" "UnitKind" NOT NULL DEFAULT 'standard',
  ADD COLUMN "area" TEXT,
  ADD COLUMN "postal_code_prefixes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

CREATE INDEX "unit_kommun_code_lane_kind_idx" ON "unit" ("kommun_code", "lane", "kind");

-- The people of the new kinds of unit: hemtjänst (utförare) and korttidsboende staff.
ALTER TYPE "UserRole" ADD VALUE 'hemtjanst_staff';
ALTER TYPE "UserRole" ADD VALUE 'korttid_staff';
