-- What a platform gave back when it accepted a write whose result comes later (Zalo's article or
-- video token), kept the moment it arrives: settling follows it up (verify the token again) and
-- the next attempt resumes from it, so an accepted write is never made a second time.
ALTER TABLE publish_attempt ADD COLUMN receipt VARCHAR(4000);
