package vn.loa.templates.library;

import java.util.List;

/**
 * A template filled in for one platform. {@code unknownVariables} are {@code {{names}}} the
 * renderer does not know (left as written); {@code missingValues} are known ones given no value
 * (left empty).
 */
public record Rendered(PlatformText text, List<String> unknownVariables, List<String> missingValues) {

    public Rendered {
        unknownVariables = List.copyOf(unknownVariables);
        missingValues = List.copyOf(missingValues);
    }
}
