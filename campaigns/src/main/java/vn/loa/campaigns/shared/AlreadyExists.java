package vn.loa.campaigns.shared;

/**
 * The thing asked for exists already, typically because a parallel request made it first; nothing
 * of this request was stored.
 */
public final class AlreadyExists extends DomainException {

    public AlreadyExists(String what) {
        super(what);
    }

    @Override
    public String code() {
        return "already-exists";
    }
}
