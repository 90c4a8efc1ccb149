/** Vendor segmentation: ABC on spend, the Kraljic matrix and relationship tiers. */
export { abcCutoffs, rankBySpend, DEFAULT_CUTOFFS, type AbcClass, type AbcCutoffs, type AbcRank } from "./abc";
export { quadrant, QUADRANTS, type Quadrant } from "./kraljic";
export { readRiskRange, vendorKey, type RiskArgument, type RiskTable } from "./risk";
export { ratingAxis, type RatingAxis, type RatingScale } from "./scale";
export { segment, type ImpactAxis, type RiskAxis, type Segmentation, type SegmentOptions, type VendorSegment } from "./segment";
export { relationshipTier, type Tier } from "./tier";
