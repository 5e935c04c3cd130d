package vn.loa.campaigns.shared;

/** Root of every refusal the domain makes; {@link #code()} is stable and machine-readable. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    public abstract String code();
}
