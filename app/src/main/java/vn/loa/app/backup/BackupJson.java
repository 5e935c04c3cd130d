package vn.loa.app.backup;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON configuration archives are written and read with, whoever runs the backup. */
final class BackupJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private BackupJson() {}
}
