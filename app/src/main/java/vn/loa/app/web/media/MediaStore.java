package vn.loa.app.web.media;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.persistence.Timestamps;

/** Uploaded photos and videos, kept in the database with the rest of the plan (so backups carry them). */
@Repository
class MediaStore {

    record Stored(String token, String fileName, String contentType, long sizeBytes) {}

    record File(String fileName, String contentType, byte[] data) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    MediaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    Stored save(String fileName, MediaType type, byte[] data, String by, Instant at) {
        var token = new byte[16];
        RANDOM.nextBytes(token);
        var stored = new Stored(HexFormat.of().formatHex(token), fileName, type.contentType(), data.length);
        jdbc.sql("INSERT INTO media_file (token, file_name, content_type, size_bytes, data, uploaded_by, uploaded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(stored.token(), fileName, type.contentType(), (long) data.length, data, by, Timestamps.utc(at))
                .update();
        return stored;
    }

    @Transactional(readOnly = true)
    Optional<File> find(String token) {
        return jdbc.sql("SELECT file_name, content_type, data FROM media_file WHERE token = ?")
                .param(token)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
