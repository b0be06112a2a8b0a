package org.advising.eligibility.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test that measures times or CPU under a load it makes itself (a flood, a time
 * limit of a second, a hang limit), so it runs with the machine to itself: {@code ./mvnw verify}
 * runs the integration tests tagged "alone" one at a time, after the others, which run two at a
 * time (pom.xml, failsafe's executions).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("alone")
@interface RunsAlone {
}
