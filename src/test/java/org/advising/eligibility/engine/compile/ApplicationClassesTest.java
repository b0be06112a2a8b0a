package org.advising.eligibility.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.advising.eligibility.model.Offering;
import org.junit.jupiter.api.Test;

/** The loader the rule engine sees the application through: the application's classes as they are, a missing name refused every time. */
class ApplicationClassesTest {

    @Test
    void the_applications_classes_are_the_applications_own() throws Exception {
        assertSame(Offering.class, ApplicationClasses.LOADER.loadClass(Offering.class.getName()));
        assertSame(String.class, Class.forName("java.lang.String", false, ApplicationClasses.LOADER));
    }

    @Test
    void a_name_that_is_no_class_is_refused_each_time_it_is_asked_for() {
        for (int i = 0; i < 3; i++) {
            ClassNotFoundException missing = assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("org.advising.eligibility.model.policy", false, ApplicationClasses.LOADER));
            assertEquals("org.advising.eligibility.model.policy", missing.getMessage());
        }
    }
}
