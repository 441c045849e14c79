package dev.gfplint.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written on its class. The id is fixed forever: suppressions, baselines and code-scanning
 * alerts key on it. The help text is the rule's {@code HELP} constant, in the same class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    String id();

    /** The level of the rule's main finding; a finding may be raised or lowered (e.g. a note from 5.17 on). */
    Level level();

    /** One line, shown in listings and as SARIF shortDescription. */
    String summary();
}
