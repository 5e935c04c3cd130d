-- When Loa last read a registry page's follower count from its platform (the engagement job reads
-- it once a day where the platform allows), apart from counts typed in by staff.
ALTER TABLE partner_page ADD COLUMN followers_read_at TIMESTAMP WITH TIME ZONE;
