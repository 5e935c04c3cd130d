package vn.loa.campaigns.shared;

/** The actor may not do this, whatever the state of the thing (for example approving their own item). */
public final class NotAllowed extends DomainException {

    public NotAllowed(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "not-allowed";
    }
}
