-- The template library: templates staff add beside the built-in ones (per theme and per
-- programme, a text per platform), and which programme a cadence carries.
CREATE TABLE content_template (
    code        VARCHAR(60) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    theme_code  VARCHAR(50),
    programme   VARCHAR(32),
    bodies_json VARCHAR(200000) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX content_template_theme ON content_template (theme_code);

-- A cadence tied to a programme ("Mỗi ngày một tin tốt" every day at 07:00 on a channel), and the
-- template its items are written from.
CREATE TABLE programme_cadence (
    cadence_id    BIGINT PRIMARY KEY REFERENCES cadence (id),
    programme     VARCHAR(32) NOT NULL,
    template_code VARCHAR(60)
);
CREATE INDEX programme_cadence_programme ON programme_cadence (programme);
