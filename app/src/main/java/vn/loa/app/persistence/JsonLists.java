package vn.loa.app.persistence;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Short string lists (tags, media addresses) that are only ever read whole are stored as JSON text. */
@Component
public class JsonLists {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JsonMapper json;

    public JsonLists(JsonMapper json) {
        this.json = json;
    }

    public String write(List<String> values) {
        return json.writeValueAsString(values == null ? List.of() : values);
    }

    public List<String> read(String text) {
        return text == null || text.isBlank() ? List.of() : json.readValue(text, STRINGS);
    }
}
