package vn.loa.campaigns.shared;

/** A change that must be carried to a platform (withdraw, edit, delete) could not be; nothing was changed in Loa. */
public final class PlatformRefused extends DomainException {

    public PlatformRefused(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "platform-refused";
    }
}
