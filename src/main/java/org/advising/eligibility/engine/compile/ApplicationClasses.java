package org.advising.eligibility.engine.compile;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.advising.eligibility.model.Offering;

/**
 * The application's classes as the rule engine sees them. Drools and MVEL look up every name a
 * rule uses (each annotation such as {@code @policy}, each bare word of a constraint) as a class,
 * through every import, and most of those names are no class: each miss went through the whole
 * class path and built an exception with its stack, a third of a reload's compile and most of a
 * new rulebase's first evaluation. The application's class path never changes while it runs, so
 * a name it does not have is looked up there once and then refused at once; the classes the rules
 * declare themselves live in Drools' own loader beneath this one and are not affected.
 */
public final class ApplicationClasses extends ClassLoader {

    /** The one loader every rulebase is built and read with. */
    public static final ApplicationClasses LOADER = new ApplicationClasses(Offering.class.getClassLoader());

    static {
        registerAsParallelCapable();
    }

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    private ApplicationClasses(ClassLoader application) {
        super("eligibility-rules", application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new Missing(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }

    /** A name known to be no class, refused without the cost of a stack trace. */
    private static final class Missing extends ClassNotFoundException {
        private static final long serialVersionUID = 1L;

        Missing(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
