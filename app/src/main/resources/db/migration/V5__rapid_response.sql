-- The rapid response lane: rebuttals of false information, approved by the on-duty approver.
ALTER TABLE content_item ADD COLUMN rebuttal BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN on_duty BOOLEAN DEFAULT FALSE NOT NULL;
