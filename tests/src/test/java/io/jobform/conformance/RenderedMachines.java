package io.jobform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.config.InstanceConfig;
import io.jobform.manifest.ManifestFile;
import io.jobform.render.RenderResult;
import io.jobform.render.Renderer;
import io.jobform.render.StateMachineSpec;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The state machines the renderer produces: for the example manifests, and for a generated set
 * with every combination of capacity, concurrency policy, starting deadline, retries,
 * notifications and input.
 */
final class RenderedMachines {
    static final Path ROOT = Path.of(System.getProperty("jobform.root", ".."));

    private RenderedMachines() {}

    static Map<String, JsonNode> examples() {
        List<ManifestFile> files = new ArrayList<>();
        Path manifests = ROOT.resolve("manifests");
        try (Stream<Path> walk = Files.walk(manifests)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(new ManifestFile("manifests/" + manifests.relativize(p), Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return render(files);
    }

    static Map<String, JsonNode> generated() {
        List<ManifestFile> files = new ArrayList<>();
        files.add(file("_defaults.yaml", """
                apiVersion: jobform.io/v1alpha1
                kind: JobDefaults
                metadata:
                  name: defaults
                spec:
                  cluster: batch
                  network: {subnets: [subnet-0a1b2c3d4e5f67890], securityGroups: [sg-0123456789abcdef0]}
                """));
        for (String capacity : List.of("on-demand", "spot", "spot-with-fallback")) {
            for (String policy : List.of("Allow", "Forbid", "Replace")) {
                for (boolean deadline : List.of(false, true)) {
                    for (boolean retries : List.of(false, true)) {
                        for (boolean notify : List.of(false, true)) {
                            for (boolean input : List.of(false, true)) {
                                String name = "g-" + capacity.replace("spot-with-fallback", "swf") + "-"
                                        + policy.toLowerCase() + (deadline ? "-d" : "") + (retries ? "-r" : "")
                                        + (notify ? "-n" : "") + (input ? "-i" : "");
                                files.add(file(name + ".yaml", job(name, capacity, policy, deadline, retries, notify, input)));
                            }
                        }
                    }
                }
            }
        }
        return render(files);
    }

    private static String job(String name, String capacity, String policy, boolean deadline, boolean retries,
            boolean notify, boolean input) {
        StringBuilder y = new StringBuilder("""
                apiVersion: jobform.io/v1alpha1
                kind: ScheduledJob
                metadata:
                  name: %s
                spec:
                  schedule: {cron: "0 3 * * *", jitterMinutes: 5}
                  capacity: %s
                  concurrencyPolicy: %s
                  timeoutSeconds: 900
                  container: {image: "public.ecr.aws/docker/library/busybox:1.36", command: ["true"]}
                """.formatted(name, capacity, policy));
        y.append(deadline ? "  startingDeadlineSeconds: 300\n" : "");
        y.append(retries ? "  retries: {limit: 2, intervalSeconds: 20, backoffRate: 2.0, maxDelaySeconds: 60}\n"
                : "  retries: {limit: 0}\n");
        y.append(notify ? "  notifications: {onFailure: \"arn:aws:sns:us-east-1:123456789012:alerts\"}\n" : "");
        y.append(input ? "  input: {bucket: reports, day: yesterday}\n" : "");
        return y.toString();
    }

    private static ManifestFile file(String name, String yaml) {
        return new ManifestFile("generated/" + name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, JsonNode> render(List<ManifestFile> files) {
        ValidationReport report = new Validator().validate(files, "jobform", Instant.parse("2026-01-01T00:00:00Z"));
        if (!report.valid()) {
            throw new IllegalStateException("invalid manifests: " + report.violations());
        }
        InstanceConfig config = new InstanceConfig("jobform", "aws", Scenario.REGION, Scenario.ACCOUNT, "batch",
                Optional.empty(), Optional.empty());
        RenderResult result = Renderer.render(report.jobs(), config);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (StateMachineSpec m : result.desired().ofType(StateMachineSpec.class)) {
            try {
                out.put(m.name(), TaskScript.JSON.readTree(m.definition()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
