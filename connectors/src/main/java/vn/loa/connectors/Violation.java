package vn.loa.connectors;

/** A platform limit a draft breaks, found before anyone approves it. {@code field} names the variant field. */
public record Violation(Platform platform, String field, String message) {}
