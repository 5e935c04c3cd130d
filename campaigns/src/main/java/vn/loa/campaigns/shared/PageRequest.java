package vn.loa.campaigns.shared;

/** Which slice of a listing to return; pages count from 0. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        var checks = new Checks();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        checks.that(p >= 0, "page", "must be 0 or more");
        checks.that(s >= 1 && s <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
        checks.throwIfAny();
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
