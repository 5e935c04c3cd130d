-- Per-channel opt-in: hand deliveries far enough ahead to the platform's own scheduler.
ALTER TABLE channel ADD COLUMN native_scheduling BOOLEAN DEFAULT FALSE NOT NULL;
