package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged service started as the generated Deployment starts it: as the pod's user (runAsUser,
 * not root), on rules and scenarios laid out as a kubelet lays out a ConfigMap volume (files owned
 * by root with the manifest's defaultMode, behind the "..data" link to a timestamped folder, the
 * group of fsGroup), and a writable emptyDir for the cache. Needs root (to own files as root and
 * start the JVM as another user) and setpriv; skipped, saying so, elsewhere.
 */
@ExtendWith(KubeletLayoutIT.NeedsRoot.class)
class KubeletLayoutIT {

    static final class NeedsRoot implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean root = "root".equals(System.getProperty("user.name"));
            return RequiredTools.skipIfMissing(context, !root ? "not root: files cannot be owned by root and the service started as another user"
                    : !RequiredTools.onPath("setpriv") ? "setpriv is not installed (apt-get install util-linux)" : null);
        }
    }

    @Test
    void the_service_starts_as_the_pods_user_on_rules_laid_out_as_the_manifests_configmaps() throws Exception {
        JsonNode deployment = deployment();
        JsonNode pod = deployment.at("/spec/template/spec");
        int user = pod.at("/securityContext/runAsUser").asInt();
        int fsGroup = pod.at("/securityContext/fsGroup").asInt();
        Map<String, Integer> modes = new java.util.HashMap<>();
        pod.get("volumes").forEach(volume -> {
            if (volume.has("configMap")) {
                modes.put(volume.get("name").asText(), volume.at("/configMap/defaultMode").asInt());
            }
        });
        // Under /tmp, world-traversable, with its own copy of the application: the clone's folders may not be open to other users.
        Path work = Files.createTempDirectory("kubelet-layout");
        Files.setPosixFilePermissions(work, permissions(0755));
        Path app = copyReadable(RunningService.APP.getParent(), work.resolve("quarkus-app")).resolve(RunningService.APP.getFileName());
        Path rules = configMapVolume(Path.of("rules"), work.resolve("rules"), modes.get("rules"), fsGroup, false);
        Path scenarios = configMapVolume(Path.of("rules/tests"), work.resolve("rule-tests"), modes.get("rule-tests"), fsGroup, true);
        Path cache = Files.createDirectories(work.resolve("rulebase-cache"));
        Files.getFileAttributeView(cache, PosixFileAttributeView.class).setGroup(group(fsGroup));
        Files.setPosixFilePermissions(cache, Set.of(PosixFilePermission.values()));

        Path tmp = Files.createDirectories(work.resolve("tmp")); // the pod's /tmp, an emptyDir open to every user
        Files.setPosixFilePermissions(tmp, Set.of(PosixFilePermission.values()));
        List<String> asPodUser = List.of("setpriv", "--reuid=" + user, "--regid=" + fsGroup, "--clear-groups", "--");
        try (RunningService service = new RunningService(app, Map.of("ELIGIBILITY_RULES_FOLDER", rules.toAbsolutePath().toString(),
                "ELIGIBILITY_RULES_SCENARIOS_FOLDER", scenarios.toAbsolutePath().toString(),
                "ELIGIBILITY_RULES_CACHE_FOLDER", cache.toAbsolutePath().toString(), "ELIGIBILITY_RULES_WATCH_INTERVAL", "0",
                "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp + " -Dvertx.cacheDirBase=" + tmp.resolve("vertx-cache")),
                ContractExamples.requestBody("01-mastertrack-completed-eligible.json"), asPodUser)) {
            JsonNode status = new ObjectMapper().readTree(service.get(HttpClient.newHttpClient(), "/api/v1/rulebase").body());
            assertEquals("ACTIVATED", status.at("/lastReload/outcome").asText(), status.toString());
            assertEquals(ShippedRules.ruleCount(), status.at("/active/ruleCount").asInt());
            assertTrue(service.log().contains("scenarios " + ShippedRules.scenarioCount() + " passed"), service.log());
            try (Stream<Path> entries = Files.list(cache)) {
                assertTrue(entries.anyMatch(entry -> entry.toString().endsWith(".rulebase")), "the pod's user keeps the proven rulebase");
            }
        } finally {
            Folders.delete(work);
        }
    }

    /** A copy of a folder that every user may read. */
    private static Path copyReadable(Path source, Path target) throws Exception {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, permissions(0755));
                } else {
                    Files.copy(path, copy);
                    Files.setPosixFilePermissions(copy, permissions(0644));
                }
            }
        }
        return target;
    }

    private static JsonNode deployment() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).readValues(Path.of("target/kubernetes/kubernetes.yml").toFile())) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                if (document.get("kind").asText().equals("Deployment")) {
                    return document;
                }
            }
        }
        throw new IllegalStateException("no Deployment in target/kubernetes/kubernetes.yml");
    }

    /**
     * The files of {@code source} (not its sub-folders) as a kubelet mounts a ConfigMap: a folder
     * {@code ..<timestamp>} holding them, owned by root, group fsGroup, with the volume's mode; a link
     * {@code ..data} to it; and a link per file through {@code ..data}.
     */
    private static Path configMapVolume(Path source, Path mount, int mode, int fsGroup, boolean yamlOnly) throws Exception {
        Folders.delete(mount);
        Path data = Files.createDirectories(mount.resolve("..2026_11_29_00_00_00.000000001"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !yamlOnly || f.toString().endsWith(".yaml")).toList()) {
                Path copy = Files.copy(file, data.resolve(file.getFileName()));
                Files.getFileAttributeView(copy, PosixFileAttributeView.class).setGroup(group(fsGroup));
                Files.setPosixFilePermissions(copy, permissions(mode));
                Files.createSymbolicLink(mount.resolve(file.getFileName()), Path.of("..data").resolve(file.getFileName()));
            }
        }
        Files.getFileAttributeView(data, PosixFileAttributeView.class).setGroup(group(fsGroup));
        Files.setPosixFilePermissions(data, permissions(0755));
        Files.createSymbolicLink(mount.resolve("..data"), data.getFileName());
        return mount;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, highest bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private static GroupPrincipal group(int gid) throws Exception {
        UserPrincipalLookupService lookup = Path.of(".").getFileSystem().getUserPrincipalLookupService();
        try {
            return lookup.lookupPrincipalByGroupName(Integer.toString(gid));
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            throw new IllegalStateException("group " + gid + " cannot be looked up", e);
        }
    }

}
