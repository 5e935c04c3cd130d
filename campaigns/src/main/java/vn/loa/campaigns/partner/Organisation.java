package vn.loa.campaigns.partner;

import java.time.Instant;
import vn.loa.campaigns.shared.Checks;

/**
 * A partner organisation in the city's network (city → district → ward or unit). Its name is the
 * key that channels and partner admins carry, so the organisations that existed as free text
 * before the registry keep working unchanged. {@code path} lists the ids from the root down
 * ({@code /1/5/12/}), so "this organisation and those under it" is one prefix match.
 */
public record Organisation(
        Long id, String name, OrganisationKind kind, Long parentId, String path, String notes, Instant createdAt) {

    public static final int NAME_MAX = 200;
    public static final int NOTES_MAX = 4_000;

    /** What a person types in to add or change an organisation. */
    public record Details(String name, OrganisationKind kind, Long parentId, String notes) {}

    static void check(Details d, Checks checks) {
        checks.requiredText("name", d.name(), NAME_MAX)
                .required("kind", d.kind())
                .maxLength("notes", d.notes(), NOTES_MAX);
    }

    /** Whether this organisation is {@code other} or lies under it. */
    public boolean isWithin(Organisation other) {
        return path.startsWith(other.path());
    }

    /** How deep it lies: 1 for a root. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    public Organisation withPath(String newPath, Long newParentId) {
        return new Organisation(id, name, kind, newParentId, newPath, notes, createdAt);
    }
}
