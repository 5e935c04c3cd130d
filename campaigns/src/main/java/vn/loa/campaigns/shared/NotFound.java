package vn.loa.campaigns.shared;

/** A referenced thing does not exist. */
public final class NotFound extends DomainException {

    private final String kind;
    private final Object id;

    public NotFound(String kind, Object id) {
        super(kind + " " + id + " does not exist");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public Object id() {
        return id;
    }

    @Override
    public String code() {
        return "not-found";
    }
}
