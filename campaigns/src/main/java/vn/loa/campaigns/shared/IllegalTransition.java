package vn.loa.campaigns.shared;

/** A workflow step that the current state of a thing does not allow. */
public final class IllegalTransition extends DomainException {

    private final String from;
    private final String to;

    public IllegalTransition(String subject, Enum<?> from, Enum<?> to, String why) {
        super("Cannot move " + subject + " from " + from + " to " + to + ": " + why);
        this.from = from.name();
        this.to = to.name();
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    @Override
    public String code() {
        return "illegal-transition";
    }
}
