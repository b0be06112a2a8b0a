package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests generated at package time (target/kubernetes/kubernetes.yml). */
class KubernetesManifestIT {

    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

    @BeforeAll
    static void readTheManifests() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).readValues(Path.of("target/kubernetes/kubernetes.yml").toFile())) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                BY_KIND.put(document.get("kind").asText(), document);
            }
        }
    }

    private static JsonNode container() {
        return BY_KIND.get("Deployment").at("/spec/template/spec/containers/0");
    }

    @Test
    void exactly_the_resources_an_operator_applies_are_generated() {
        assertEquals(List.of("Deployment", "HorizontalPodAutoscaler", "NetworkPolicy", "PodDisruptionBudget", "Service"),
                BY_KIND.keySet().stream().sorted().toList());
    }

    @Test
    void the_deployment_probes_the_health_endpoints() {
        assertEquals("/q/health/live", container().at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container().at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container().at("/startupProbe/httpGet/path").asText());
        assertEquals(30, container().at("/startupProbe/failureThreshold").asInt());
        assertEquals(8080, container().at("/livenessProbe/httpGet/port").asInt());
    }

    @Test
    void the_rules_and_scenarios_come_from_configmaps_and_proven_rulebases_are_kept_in_an_empty_dir() {
        Map<String, String> env = new HashMap<>();
        container().get("env").forEach(variable -> env.put(variable.get("name").asText(), variable.path("value").asText()));
        assertEquals("/deployments/rules", env.get("ELIGIBILITY_RULES_FOLDER"));
        assertEquals("/deployments/rule-tests", env.get("ELIGIBILITY_RULES_SCENARIOS_FOLDER"));
        assertEquals("/deployments/rulebase-cache", env.get("ELIGIBILITY_RULES_CACHE_FOLDER"));
        Map<String, String> mounts = new HashMap<>();
        container().get("volumeMounts").forEach(mount -> mounts.put(mount.get("name").asText(),
                mount.get("mountPath").asText() + (mount.path("readOnly").asBoolean() ? " read-only" : " writable")));
        assertEquals(Map.of("rules", "/deployments/rules read-only", "rule-tests", "/deployments/rule-tests read-only",
                "rulebase-cache", "/deployments/rulebase-cache writable", "tmp", "/tmp writable"), mounts);
        Map<String, String> volumes = new HashMap<>();
        BY_KIND.get("Deployment").at("/spec/template/spec/volumes").forEach(volume -> volumes.put(volume.get("name").asText(),
                volume.has("emptyDir") ? "emptyDir" : "configMap " + volume.at("/configMap/name").asText()));
        assertEquals(Map.of("rules", "configMap eligibility-rules", "rule-tests", "configMap eligibility-rule-tests",
                "rulebase-cache", "emptyDir", "tmp", "emptyDir"), volumes);
    }

    @Test
    void the_pod_runs_confined_as_the_images_user_and_can_read_its_configmaps() {
        JsonNode pod = BY_KIND.get("Deployment").at("/spec/template/spec");
        assertEquals(185, pod.at("/securityContext/runAsUser").asInt());
        assertEquals(185, pod.at("/securityContext/fsGroup").asInt());
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertFalse(pod.get("automountServiceAccountToken").asBoolean(true));
        pod.get("volumes").forEach(volume -> {
            if (volume.has("configMap")) {
                assertEquals(0444, volume.at("/configMap/defaultMode").asInt(), volume.toString()); // readable by every user
            }
        });
        JsonNode confined = container().get("securityContext");
        assertFalse(confined.get("allowPrivilegeEscalation").asBoolean(true));
        assertTrue(confined.get("readOnlyRootFilesystem").asBoolean());
        assertTrue(confined.get("runAsNonRoot").asBoolean());
        assertEquals("[\"ALL\"]", confined.at("/capabilities/drop").toString());
        assertEquals("RuntimeDefault", confined.at("/seccompProfile/type").asText());
    }

    @Test
    void a_network_policy_admits_the_service_port_and_allows_no_egress() {
        JsonNode policy = BY_KIND.get("NetworkPolicy").get("spec");
        assertEquals("eligibility-service", policy.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText());
        assertEquals("[\"Ingress\",\"Egress\"]", policy.get("policyTypes").toString());
        assertEquals(8080, policy.at("/ingress/0/ports/0/port").asInt());
        assertEquals(0, policy.path("egress").size(), "no egress rule: with Egress among the policy types, nothing goes out");
    }

    @Test
    void ports_resources_scaling_and_disruption_budget_are_set() {
        assertEquals(8080, container().at("/ports/0/containerPort").asInt());
        assertEquals(8080, BY_KIND.get("Service").at("/spec/ports/0/targetPort").asInt());
        assertEquals("250m", container().at("/resources/requests/cpu").asText());
        assertEquals("512Mi", container().at("/resources/limits/memory").asText());
        JsonNode autoscaler = BY_KIND.get("HorizontalPodAutoscaler");
        assertEquals("eligibility-service", autoscaler.at("/spec/scaleTargetRef/name").asText());
        assertEquals(70, autoscaler.at("/spec/metrics/0/resource/target/averageUtilization").asInt());
        assertEquals(1, BY_KIND.get("PodDisruptionBudget").at("/spec/minAvailable").asInt());
        assertTrue(BY_KIND.get("PodDisruptionBudget").at("/spec/selector/matchLabels").has("app.kubernetes.io/name"));
    }
}
