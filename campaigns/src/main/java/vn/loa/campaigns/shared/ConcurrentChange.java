package vn.loa.campaigns.shared;

/** Someone else changed the thing between our read and our write; nothing of ours was stored. */
public final class ConcurrentChange extends DomainException {

    public ConcurrentChange(String subject) {
        super(subject + " was changed by someone else meanwhile; reload it and try again");
    }

    @Override
    public String code() {
        return "concurrent-change";
    }
}
