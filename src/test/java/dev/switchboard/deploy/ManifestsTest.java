package dev.switchboard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.deploy.Kustomizations.Build;
import dev.switchboard.deploy.Manifests.Doc;
import dev.switchboard.testing.RedisClusterServers;
import dev.switchboard.testing.RedisSentinelServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards {@code deploy/} against drift from the application, without a cluster, kubectl or kustomize: every YAML
 * document parses strictly into the Kubernetes model, every kustomization resolves, and the manifests agree with the
 * real configuration (HTTP port, health paths, setting names, shutdown timing). A renamed setting or port fails here
 * with a message naming the file and what it expected.
 */
class ManifestsTest {

    static final Path DEPLOY = Path.of("deploy");
    static final String APP = "switchboard";
    static final String SECRET = "switchboard-secrets";
    /** Each probe and its SmallRye Health endpoint. */
    static final Map<String, String> PROBES =
            Map.of("startupProbe", "started", "livenessProbe", "live", "readinessProbe", "ready");
    /** Settings that hold secrets: only ever from the Secret; all but the request-state key are optional. */
    static final Map<String, String> SECRET_ENV = Map.of(
            "SWITCHBOARD_STATELESS_REQUEST_STATE_KEY", "request-state-key",
            "OPENAI_API_KEY", "openai-api-key",
            "SWITCHBOARD_SEARCH_BRAVE_API_KEY", "brave-api-key",
            "QUARKUS_REDIS_PASSWORD", "redis-password");

    static AppSettings settings;
    static Map<Path, List<Doc>> docs;
    static Kustomizations kustomizations;

    @BeforeAll
    static void load() {
        settings = AppSettings.load();
        docs = new LinkedHashMap<>();
        for (Path file : Manifests.files(DEPLOY)) {
            docs.put(file, Manifests.parse(file));
        }
        kustomizations = new Kustomizations(docs);
    }

    @Test
    void everyDirectoryIsAKustomizationThatUsesEachOfItsFiles() {
        Set<Path> dirs = docs.keySet().stream().map(Path::getParent).collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        dir("base"),
                        dir("overlays/dev"),
                        dir("overlays/prod"),
                        dir("knative"),
                        dir("examples/redis-cluster"),
                        dir("examples/redis-sentinel")),
                dirs,
                "deploy/ directories");
        for (Path dir : dirs) {
            Build build = kustomizations.build(dir);
            for (Map.Entry<Path, List<Doc>> file : docs.entrySet()) {
                if (file.getKey().getParent().equals(dir) && !file.getKey().endsWith("kustomization.yaml")) {
                    assertTrue(
                            build.ownFiles().containsAll(file.getValue()),
                            file.getKey() + " is neither a resource nor a patch of "
                                    + dir.resolve("kustomization.yaml"));
                }
            }
        }
    }

    @Test
    void noSecretValuesAreCommitted() {
        for (Doc doc : allDocs()) {
            if (doc.typed() instanceof Secret) {
                Secret secret = (Secret) doc.typed();
                assertTrue(
                        secret.getData() == null && secret.getStringData() == null,
                        doc
                                + " commits secret values: create the Secret with kubectl (docs/deployment.md, \"Kubernetes\")");
            }
            if (doc.typed() instanceof ConfigMap) {
                for (String key : data(doc).keySet()) {
                    assertFalse(SECRET_ENV.containsKey(key), doc + " holds the secret " + key + " in a ConfigMap");
                }
            }
        }
    }

    @Test
    void appContainersMatchTheApplication() {
        Deployment deployment = base("Deployment", APP).as(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container app = appContainer(pod, "deploy/base Deployment");

        Map<String, Integer> ports = app.getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
        assertEquals(
                Map.of("http", settings.httpPort(), "management", settings.managementPort()),
                ports,
                "deploy/base/deployment.yaml names quarkus.http.port http and quarkus.management.port management");
        checkProbes(app, "deploy/base Deployment", new IntOrString("management"));
        checkHardening(pod, app, "deploy/base Deployment");

        Duration drain = drain();
        assertNotNull(pod.getTerminationGracePeriodSeconds(), "deploy/base Deployment terminationGracePeriodSeconds");
        assertTrue(
                pod.getTerminationGracePeriodSeconds() > drain.toSeconds(),
                "terminationGracePeriodSeconds " + pod.getTerminationGracePeriodSeconds()
                        + " must exceed quarkus.shutdown.delay + quarkus.shutdown.timeout = " + drain);
        assertEquals(APP, pod.getServiceAccountName(), "the Deployment runs as the ServiceAccount " + APP);
        ServiceAccount account = base("ServiceAccount", APP).as(ServiceAccount.class);
        assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken(), "ServiceAccount token automount");
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), "Deployment token automount");
    }

    @Test
    void knativeServiceScalesToZeroWithTheSameContract() {
        Doc knative = kustomizations.build(dir("knative")).resources().values().stream()
                .filter(doc -> Manifests.KNATIVE_API.equals(doc.apiVersion()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("deploy/knative has no " + Manifests.KNATIVE_API + " Service"));
        PodTemplateSpec template = Manifests.knativeTemplate(knative);
        assertEquals(
                "0",
                template.getMetadata().getAnnotations().get("autoscaling.knative.dev/min-scale"),
                knative + " scales to zero");
        Container app = appContainer(template.getSpec(), knative.toString());
        ContainerPort port = single(app.getPorts(), knative + " ports");
        assertEquals(
                settings.httpPort(), port.getContainerPort(), knative + " containerPort must equal quarkus.http.port");
        assertTrue(Set.of("http1", "h2c").contains(port.getName()), knative + ": Knative names its port http1 or h2c");
        // Knative probes the serving port only, and health is on the management port: it checks the port is open
        for (Probe probe : List.of(app.getStartupProbe(), app.getLivenessProbe(), app.getReadinessProbe())) {
            assertNotNull(probe, knative + ": startup, liveness and readiness probes");
            assertNotNull(probe.getTcpSocket(), knative + ": probes check the serving port with tcpSocket");
            assertEquals(null, probe.getTcpSocket().getPort(), knative + ": Knative fills in the probe's port");
        }
        checkHardening(template.getSpec(), app, knative.toString());
        long timeout = knative.tree()
                .path("spec")
                .path("template")
                .path("spec")
                .path("timeoutSeconds")
                .asLong(300);
        assertTrue(
                timeout > drain().toSeconds(),
                knative + ": timeoutSeconds (Knative's grace period) must exceed the shutdown drain " + drain());
        assertEquals(Boolean.FALSE, template.getSpec().getAutomountServiceAccountToken(), knative + " token automount");
    }

    @Test
    void everyEnvironmentVariableIsARealSetting() {
        Set<String> valid = settings.validEnvNames();
        assertTrue(
                settings.referencesEnv("REDIS_URL"),
                AppSettings.APPLICATION_PROPERTIES + " must read REDIS_URL (quarkus.redis.hosts=${REDIS_URL:...})");
        for (String property : List.of(
                "switchboard.sessions.store",
                "switchboard.transport.allowed-origins",
                "switchboard.stateless.request-state-key",
                "switchboard.search.brave.api-key")) {
            assertTrue(AppSettings.switchboardProperties().contains(property), "reflection finds " + property);
        }
        for (Doc doc : allDocs()) {
            if (doc.typed() instanceof ConfigMap) {
                for (String key : data(doc).keySet()) {
                    checkEnvName(key, doc, valid);
                }
            }
            for (Container container : appContainers(doc)) {
                for (EnvVar env : container.getEnv()) {
                    checkEnvName(env.getName(), doc, valid);
                    checkSecretEnv(env, doc);
                }
                container
                        .getEnvFrom()
                        .forEach(from -> assertNotNull(
                                configMap(doc, from.getConfigMapRef().getName()),
                                doc + " reads env from ConfigMap "
                                        + from.getConfigMapRef().getName()
                                        + ", which its kustomization does not build"));
            }
        }
        Container app = appContainer(
                base("Deployment", APP)
                        .as(Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getSpec(),
                "base");
        Set<String> names = app.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
        assertTrue(names.contains("SWITCHBOARD_STATELESS_REQUEST_STATE_KEY"), "the base sets the request-state key");
    }

    @Test
    void serviceBudgetAutoscalerAndPoliciesSelectTheApp() {
        Map<String, String> podLabels = base("Deployment", APP)
                .as(Deployment.class)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();

        Service service = base("Service", APP).as(Service.class);
        assertTrue(
                podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()),
                "the Service selects the Deployment's pods");
        ServicePort servicePort = single(service.getSpec().getPorts(), "Service ports");
        assertEquals(80, servicePort.getPort(), "the Service listens on 80");
        assertEquals(new IntOrString("http"), servicePort.getTargetPort(), "the Service targets the named port http");
        // single(...) above: the Service never exposes the management port

        PodDisruptionBudget budget = base("PodDisruptionBudget", APP).as(PodDisruptionBudget.class);
        assertEquals(new IntOrString(1), budget.getSpec().getMinAvailable(), "PodDisruptionBudget minAvailable");
        assertTrue(
                podLabels
                        .entrySet()
                        .containsAll(
                                budget.getSpec().getSelector().getMatchLabels().entrySet()),
                "the PodDisruptionBudget selects the Deployment's pods");

        HorizontalPodAutoscaler hpa = base("HorizontalPodAutoscaler", APP).as(HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind(), "HPA target kind");
        assertEquals(APP, hpa.getSpec().getScaleTargetRef().getName(), "HPA target name");
        assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName(), "HPA scales on CPU");
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "HPA minReplicas in the base");

        NetworkPolicy appPolicy = base("NetworkPolicy", APP).as(NetworkPolicy.class);
        assertTrue(
                podLabels
                        .entrySet()
                        .containsAll(appPolicy
                                .getSpec()
                                .getPodSelector()
                                .getMatchLabels()
                                .entrySet()),
                "the app NetworkPolicy selects the Deployment's pods");
        for (var rule : appPolicy.getSpec().getIngress()) {
            List<IntOrString> rulePorts =
                    rule.getPorts().stream().map(NetworkPolicyPort::getPort).collect(Collectors.toList());
            assertTrue(
                    rulePorts.equals(List.of(new IntOrString("http")))
                            || (rulePorts.equals(List.of(new IntOrString("management")))
                                    && !rule.getFrom().isEmpty()),
                    "the app accepts ingress from anywhere on its http port, and on its management port only from"
                            + " named peers: " + rule);
        }
        assertTrue(
                appPolicy.getSpec().getIngress().stream()
                        .anyMatch(rule -> rule.getFrom().isEmpty()
                                && rule.getPorts().stream().anyMatch(p -> new IntOrString("http").equals(p.getPort()))),
                "clients reach the http port");

        NetworkPolicy redisPolicy = base("NetworkPolicy", "redis").as(NetworkPolicy.class);
        assertEquals(List.of("Ingress"), redisPolicy.getSpec().getPolicyTypes(), "the Redis policy restricts ingress");
        assertEquals(1, redisPolicy.getSpec().getIngress().size(), "one Redis ingress rule");
        NetworkPolicyPeer peer =
                single(redisPolicy.getSpec().getIngress().get(0).getFrom(), "Redis ingress peers");
        assertTrue(
                podLabels
                        .entrySet()
                        .containsAll(peer.getPodSelector().getMatchLabels().entrySet()),
                "Redis accepts the Deployment's pods");
        assertEquals(
                List.of(new IntOrString(6379)),
                redisPolicy.getSpec().getIngress().get(0).getPorts().stream()
                        .map(NetworkPolicyPort::getPort)
                        .collect(Collectors.toList()),
                "Redis accepts 6379 only");
    }

    @Test
    void devOverlayRunsRedisWithAVolumeAndOneReplica() {
        Build dev = kustomizations.build(dir("overlays/dev"));
        StatefulSet redis = resource(dev, "StatefulSet", "redis").as(StatefulSet.class);
        assertFalse(redis.getSpec().getVolumeClaimTemplates().isEmpty(), "the dev Redis keeps its data on a volume");
        Container container = single(redis.getSpec().getTemplate().getSpec().getContainers(), "Redis containers");
        assertEquals(6379, single(container.getPorts(), "Redis ports").getContainerPort(), "Redis port");
        NetworkPolicy policy = resource(dev, "NetworkPolicy", "redis").as(NetworkPolicy.class);
        assertTrue(
                redis.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(policy.getSpec()
                                .getPodSelector()
                                .getMatchLabels()
                                .entrySet()),
                "the Redis NetworkPolicy selects the dev Redis pods");
        Service service = resource(dev, "Service", "redis").as(Service.class);
        assertEquals(
                6379,
                single(service.getSpec().getPorts(), "Redis Service ports").getPort(),
                "Redis Service port");

        URI redisUrl = URI.create(overlayValue(dev, "REDIS_URL"));
        assertEquals("redis", redisUrl.getHost(), "the dev REDIS_URL names the dev Redis Service");
        assertEquals(6379, redisUrl.getPort(), "the dev REDIS_URL port");
        assertEquals(
                1, patch(dev, "Deployment", APP).as(Deployment.class).getSpec().getReplicas(), "dev replicas");
    }

    @Test
    void prodOverlayUsesAManagedRedisAndAtLeastTwoReplicas() {
        Build prod = kustomizations.build(dir("overlays/prod"));
        assertFalse(prod.resources().containsKey("StatefulSet redis"), "prod runs no in-cluster Redis");
        assertEquals("rediss", URI.create(overlayValue(prod, "REDIS_URL")).getScheme(), "prod talks TLS to Redis");
        int min = patch(prod, "HorizontalPodAutoscaler", APP)
                .as(HorizontalPodAutoscaler.class)
                .getSpec()
                .getMinReplicas();
        assertTrue(min >= 2, "prod HPA minReplicas >= 2, was " + min);
        assertTrue(patch(prod, "Deployment", APP).as(Deployment.class).getSpec().getReplicas() >= 2, "prod replicas");
    }

    /**
     * The examples configure the Redis client as the tests that run every store on a cluster and on Sentinel connect
     * (the same Quarkus settings, as environment variables), and open the Redis NetworkPolicy to what the topology
     * needs: Switchboard to every port in {@code REDIS_URL}, the Redis pods to each other on their own ports.
     */
    @Test
    void redisExamplesConnectAsTheTopologyTestsDo() {
        checkRedisExample(
                "examples/redis-cluster",
                hosts -> RedisClusterServers.quarkusConfig(hosts),
                List.of(new IntOrString(6379), new IntOrString(16379)));
        checkRedisExample(
                "examples/redis-sentinel",
                hosts -> RedisSentinelServers.quarkusConfig(hosts, RedisSentinelServers.MASTER_NAME),
                List.of(new IntOrString(6379), new IntOrString(26379)));

        Build cluster = kustomizations.build(dir("examples/redis-cluster"));
        for (String url : overlayValue(cluster, "REDIS_URL").split(",")) {
            String path = URI.create(url.trim()).getPath();
            assertTrue(path == null || path.isEmpty(), "a Redis Cluster has database 0 only, no /db: " + url);
        }
        Build sentinel = kustomizations.build(dir("examples/redis-sentinel"));
        assertFalse(overlayValue(sentinel, "QUARKUS_REDIS_MASTER_NAME").isBlank(), "the master's name");
        assertEquals(
                "redis",
                URI.create(overlayValue(kustomizations.build(dir("overlays/dev")), "REDIS_URL"))
                        .getScheme(),
                "the dev overlay keeps its one server");
        assertFalse(
                data(base("ConfigMap", "switchboard-config")).containsKey("QUARKUS_REDIS_CLIENT_TYPE"),
                "the base keeps the default client type (one server)");
    }

    private static void checkRedisExample(
            String example, java.util.function.Function<String, Map<String, String>> tested, List<IntOrString> own) {
        Build build = kustomizations.build(dir(example));
        String hosts = overlayValue(build, "REDIS_URL");
        assertNotNull(hosts, example + " sets REDIS_URL");
        for (Map.Entry<String, String> setting : tested.apply(hosts).entrySet()) {
            if (setting.getKey().equals("quarkus.redis.hosts")) {
                continue; // REDIS_URL, which application.properties reads into quarkus.redis.hosts
            }
            String env = AppSettings.envName(setting.getKey());
            String value = overlayValue(build, env);
            assertNotNull(value, example + " sets " + env + " (" + setting.getKey() + "), as the tests connect");
            if (!setting.getKey().equals("quarkus.redis.master-name")) {
                assertEquals(setting.getValue(), value, example + ": " + env);
            }
        }
        NetworkPolicy policy = patch(build, "NetworkPolicy", "redis").as(NetworkPolicy.class);
        Map<String, List<IntOrString>> opened = new LinkedHashMap<>();
        for (var rule : policy.getSpec().getIngress()) {
            String from = single(rule.getFrom(), example + " Redis ingress peers")
                    .getPodSelector()
                    .getMatchLabels()
                    .get("app.kubernetes.io/name");
            opened.put(
                    from,
                    rule.getPorts().stream().map(NetworkPolicyPort::getPort).collect(Collectors.toList()));
        }
        for (String url : hosts.split(",")) {
            IntOrString port = new IntOrString(URI.create(url.trim()).getPort());
            assertTrue(
                    opened.getOrDefault(APP, List.of()).contains(port),
                    example + ": the Redis NetworkPolicy must let Switchboard reach " + url + ", opened: " + opened);
        }
        assertEquals(own, opened.get("redis"), example + ": the Redis pods reach each other on their own ports");
    }

    @Test
    void healthPathsAreTheSmallRyeDefaults() {
        assertEquals("/q/health/live", settings.healthPath("live"), "liveness path");
        assertEquals("/q/health/ready", settings.healthPath("ready"), "readiness path");
        assertEquals("/q/health/started", settings.healthPath("started"), "startup path");
    }

    @Test
    void strictParsingRejectsAMisspeltField() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> Manifests.parse(
                        Path.of("inline.yaml"),
                        0,
                        yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replica: 2}\n")));
        assertTrue(error.getMessage().contains("replica"), error.getMessage());
    }

    @Test
    void aRenamedSettingIsCaught() {
        Doc configMap = Manifests.parse(
                Path.of("inline.yaml"),
                0,
                yaml(
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {SWITCHBOARD_TRANSPORT_ALLOWED_ORIGIN: x}\n"));
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> checkEnvName("SWITCHBOARD_TRANSPORT_ALLOWED_ORIGIN", configMap, settings.validEnvNames()));
        assertTrue(error.getMessage().contains("SWITCHBOARD_TRANSPORT_ALLOWED_ORIGIN"), error.getMessage());
        assertTrue(settings.validEnvNames().contains("QUARKUS_REDIS_PASSWORD"), "Quarkus settings come from the model");
    }

    // --- checks shared by the Deployment and the Knative Service

    private static void checkProbes(Container app, String where, IntOrString port) {
        Map<String, Probe> probes = Map.of(
                "startupProbe", orFail(app.getStartupProbe(), where + " startupProbe"),
                "livenessProbe", orFail(app.getLivenessProbe(), where + " livenessProbe"),
                "readinessProbe", orFail(app.getReadinessProbe(), where + " readinessProbe"));
        PROBES.forEach((name, endpoint) -> {
            String path = settings.healthPath(endpoint);
            HTTPGetAction get = orFail(probes.get(name).getHttpGet(), where + " " + name + ".httpGet");
            assertEquals(path, get.getPath(), where + " " + name + " must use the SmallRye Health path");
            assertEquals(port, get.getPort(), where + " " + name + " port");
            assertTrue(probes.get(name).getFailureThreshold() != null, where + " " + name + " failureThreshold");
        });
        Probe startup = probes.get("startupProbe");
        assertTrue(
                startup.getPeriodSeconds() * startup.getFailureThreshold() >= 30,
                where + ": the startup probe allows at least 30 s to start");
    }

    private static void checkHardening(PodSpec pod, Container app, String where) {
        SecurityContext security = orFail(app.getSecurityContext(), where + " container securityContext");
        boolean nonRoot = Boolean.TRUE.equals(security.getRunAsNonRoot())
                || (pod.getSecurityContext() != null
                        && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()));
        assertTrue(nonRoot, where + ": runAsNonRoot");
        assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), where + ": readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), where + ": allowPrivilegeEscalation");
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), where + ": capabilities drop ALL");
        String seccomp = security.getSeccompProfile() != null
                ? security.getSeccompProfile().getType()
                : pod.getSecurityContext() != null && pod.getSecurityContext().getSeccompProfile() != null
                        ? pod.getSecurityContext().getSeccompProfile().getType()
                        : null;
        assertEquals("RuntimeDefault", seccomp, where + ": seccompProfile");

        VolumeMount tmp = app.getVolumeMounts().stream()
                .filter(mount -> "/tmp".equals(mount.getMountPath()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(where + ": the read-only root needs a writable /tmp"));
        Volume volume = pod.getVolumes().stream()
                .filter(v -> v.getName().equals(tmp.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(where + ": no volume " + tmp.getName()));
        assertNotNull(volume.getEmptyDir(), where + ": /tmp is an emptyDir");

        for (String kind : List.of("cpu", "memory")) {
            assertNotNull(app.getResources().getRequests().get(kind), where + ": resources.requests." + kind);
            assertNotNull(app.getResources().getLimits().get(kind), where + ": resources.limits." + kind);
        }
    }

    private static void checkEnvName(String name, Doc doc, Set<String> valid) {
        if (!valid.contains(name)) {
            String prefix = name.contains("_") ? name.substring(0, name.lastIndexOf('_')) : name;
            List<String> near = valid.stream().filter(v -> v.startsWith(prefix)).collect(Collectors.toList());
            throw new AssertionError(doc + " sets " + name + ", which the application does not read: not a"
                    + " switchboard.* setting of SwitchboardConfig, not referenced in "
                    + AppSettings.APPLICATION_PROPERTIES + ", not a Quarkus run-time setting."
                    + (near.isEmpty() ? "" : " Similar: " + near));
        }
    }

    private static void checkSecretEnv(EnvVar env, Doc doc) {
        String key = SECRET_ENV.get(env.getName());
        if (key == null) {
            return;
        }
        assertTrue(env.getValue() == null, doc + " sets " + env.getName() + " inline: take it from the Secret");
        SecretKeySelector ref = orFail(
                env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef(),
                doc + " " + env.getName() + " secretKeyRef");
        assertEquals(SECRET, ref.getName(), doc + " " + env.getName() + " Secret name");
        assertEquals(key, ref.getKey(), doc + " " + env.getName() + " Secret key");
        boolean required = "SWITCHBOARD_STATELESS_REQUEST_STATE_KEY".equals(env.getName());
        assertEquals(
                required ? null : Boolean.TRUE,
                ref.getOptional(),
                doc + " " + env.getName() + (required ? " is required" : " is optional"));
    }

    // --- lookups

    private static Duration drain() {
        return settings.duration("quarkus.shutdown.delay", "0s")
                .plus(settings.duration("quarkus.shutdown.timeout", "30s"));
    }

    private static List<Doc> allDocs() {
        return docs.values().stream().flatMap(List::stream).collect(Collectors.toList());
    }

    private static Path dir(String name) {
        return DEPLOY.resolve(name);
    }

    private static Doc base(String kind, String name) {
        return resource(kustomizations.build(dir("base")), kind, name);
    }

    private static Doc resource(Build build, String kind, String name) {
        return orFail(build.resources().get(kind + " " + name), build.dir() + " builds no " + kind + " " + name);
    }

    private static Doc patch(Build build, String kind, String name) {
        return build.patches().stream()
                .filter(doc -> doc.id().equals(kind + " " + name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(build.dir() + " does not patch " + kind + " " + name));
    }

    /** A ConfigMap value as the overlay sets it: its patch if any, else the base. */
    private static String overlayValue(Build build, String key) {
        for (Doc doc : build.patches()) {
            if (doc.typed() instanceof ConfigMap && data(doc).containsKey(key)) {
                return data(doc).get(key);
            }
        }
        return data(resource(build, "ConfigMap", "switchboard-config")).get(key);
    }

    /** The ConfigMap named {@code name} that the kustomization holding {@code doc} builds, or null. */
    private static Doc configMap(Doc doc, String name) {
        return kustomizations.build(doc.file().getParent()).resources().get("ConfigMap " + name);
    }

    private static Map<String, String> data(Doc doc) {
        Map<String, String> data = doc.as(ConfigMap.class).getData();
        return data == null ? Map.of() : data;
    }

    /** The Switchboard containers of a workload document (Deployment, patch or Knative Service). */
    private static List<Container> appContainers(Doc doc) {
        List<Container> containers = new ArrayList<>();
        PodSpec pod = null;
        if (doc.typed() instanceof Deployment) {
            pod = doc.as(Deployment.class).getSpec().getTemplate().getSpec();
        } else if (Manifests.KNATIVE_API.equals(doc.apiVersion())) {
            pod = Manifests.knativeTemplate(doc).getSpec();
        }
        if (pod != null) {
            pod.getContainers().stream().filter(c -> APP.equals(c.getName())).forEach(containers::add);
        }
        return containers;
    }

    private static Container appContainer(PodSpec pod, String where) {
        return pod.getContainers().stream()
                .filter(c -> APP.equals(c.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(where + " has no container named " + APP));
    }

    private static <T> T single(List<T> items, String what) {
        assertEquals(1, items == null ? 0 : items.size(), what + ": exactly one expected");
        return items.get(0);
    }

    private static <T> T orFail(T value, String what) {
        if (value == null) {
            throw new AssertionError(what + " is missing");
        }
        return value;
    }

    private static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
