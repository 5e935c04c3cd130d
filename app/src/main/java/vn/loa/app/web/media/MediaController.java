package vn.loa.app.web.media;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.loa.app.web.WebUser;

/**
 * Media uploaded from the composer: the type is read from the file's own bytes and must be a photo
 * or video a platform takes; the size is limited ({@code loa.web.media.max-bytes}). Files are served
 * back at an unguessable address so the platforms can fetch them when a post goes out.
 */
@Controller
class MediaController {

    private final MediaStore store;
    private final MessageSource messages;
    private final Clock clock;
    private final long maxBytes;
    private final String publicUrl;

    MediaController(
            MediaStore store,
            MessageSource messages,
            Clock clock,
            @Value("${loa.web.media.max-bytes:50MB}") DataSize maxBytes,
            @Value("${loa.web.media.public-url:}") String publicUrl) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
        this.maxBytes = maxBytes.toBytes();
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    @PostMapping("/media")
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(
            @RequestParam(required = false) MultipartFile file, WebUser me, Locale locale, HttpServletRequest request) {
        if (!me.canPlan()) {
            return refuse(403, "media.not-allowed", locale);
        }
        if (file == null || file.isEmpty()) {
            return refuse(400, "media.empty", locale);
        }
        if (file.getSize() > maxBytes) {
            return refuse(
                    400, "media.too-big", locale, DataSize.ofBytes(maxBytes).toMegabytes());
        }
        byte[] data;
        try {
            data = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var type = MediaType.sniff(data);
        if (type.isEmpty()) {
            return refuse(400, "media.bad-type", locale);
        }
        var name = safeName(file.getOriginalFilename(), type.get());
        var stored = store.save(name, type.get(), data, me.username(), clock.instant());
        var base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : publicUrl;
        return ResponseEntity.status(201)
                .body(Map.of(
                        "url",
                        base + "/media/" + stored.token() + "/" + name,
                        "name",
                        name,
                        "type",
                        stored.contentType(),
                        "size",
                        stored.sizeBytes()));
    }

    @GetMapping("/media/{token}/{name}")
    ResponseEntity<byte[]> serve(@PathVariable String token, @PathVariable String name) {
        return store.find(token)
                .map(f -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_TYPE, f.contentType())
                        .header("X-Content-Type-Options", "nosniff")
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.inline()
                                        .filename(f.fileName())
                                        .build()
                                        .toString())
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                        .body(f.data()))
                .orElse(ResponseEntity.notFound().build());
    }

    /** ASCII letters, digits, '-' and '_' only (Vietnamese marks dropped), with the extension of the real type. */
    static String safeName(String original, MediaType type) {
        var base = original == null ? "" : original.replaceAll("\\.[^.]*$", "");
        base = Normalizer.normalize(base.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9_-]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "tep";
        }
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        return base.toLowerCase(Locale.ROOT) + "." + type.extension();
    }

    private ResponseEntity<Map<String, Object>> refuse(int status, String key, Locale locale, Object... args) {
        return ResponseEntity.status(status).body(Map.of("message", messages.getMessage(key, args, locale)));
    }
}
