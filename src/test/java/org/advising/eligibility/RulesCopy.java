package org.advising.eligibility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies the project's rules folder (with its scenarios) for tests that change rules. */
public final class RulesCopy {

    private RulesCopy() {
    }

    /** Copies rules/ into {@code target}, replacing files already there; returns {@code target}. */
    public static Path into(Path target) throws IOException {
        Path rules = Path.of("rules");
        try (Stream<Path> paths = Files.walk(rules)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(rules.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
