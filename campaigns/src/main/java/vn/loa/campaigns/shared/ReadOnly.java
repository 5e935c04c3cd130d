package vn.loa.campaigns.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use-case method that only reads: it runs in one read-only transaction. Every other public
 * method of a use case runs in one read-write transaction, so a refused request stores nothing and a
 * state change is never stored without its audit entry. The app's {@code DomainConfig} applies this
 * rule to every use-case bean; {@code UseCaseTransactionsTest} fails when a reading method (get*,
 * find*, list*, *History) lacks this mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {}
