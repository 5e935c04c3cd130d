-- Platform credentials of each channel, encrypted with AES-GCM by the application (never stored in clear).
CREATE TABLE channel_credential (
    channel_id  BIGINT PRIMARY KEY REFERENCES channel (id) ON DELETE CASCADE,
    platform    VARCHAR(16) NOT NULL,
    sealed      VARCHAR(8000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(100) NOT NULL
);
