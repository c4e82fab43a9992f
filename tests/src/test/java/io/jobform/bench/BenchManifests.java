package io.jobform.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic, realistic job manifests for benchmarks and call-budget tests. Job {@code i}
 * depends only on the seed and {@code i}, so the set of N = 100 is a prefix of the set of
 * N = 5,000. Images, secrets and failure topics are shared per team, as in a real account:
 * the shared execution role lists every repository and secret, and IAM limits a role's inline
 * policies to 10,240 characters.
 */
public final class BenchManifests {
    public static final long SEED = 20261123L;
    public static final String DEFAULTS_KEY = "_defaults.yaml";

    private static final String[] TEAMS = {"finance", "data", "billing", "growth", "platform", "search", "ml", "ops"};
    private static final String[] VERBS = {"report", "sync", "export", "cleanup", "backfill", "rollup", "index",
        "refresh"};
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
        "Australia/Sydney", "America/Los_Angeles", "Europe/London", "Asia/Kolkata"};
    private static final int[][] SIZES = {{256, 512}, {256, 1024}, {512, 1024}, {512, 2048}, {1024, 2048},
        {1024, 4096}, {2048, 4096}, {2048, 8192}, {4096, 8192}, {4096, 16384}};
    private static final String[] POLICIES = {"Allow", "Forbid", "Replace"};

    private BenchManifests() {
    }

    /** File name → manifest text: the JobDefaults file plus N jobs. */
    public static Map<String, String> generate(int n) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DEFAULTS_KEY, defaults());
        for (int i = 0; i < n; i++) {
            files.put(fileName(i), job(i));
        }
        return files;
    }

    public static String fileName(int i) {
        return name(i) + ".yaml";
    }

    public static String name(int i) {
        Random r = random(i);
        return TEAMS[r.nextInt(TEAMS.length)] + "-" + VERBS[r.nextInt(VERBS.length)] + "-" + String.format("%05d", i);
    }

    /** The job's manifest with a different image tag: a one-field change. */
    public static String changed(int i) {
        return job(i).replaceFirst("(image: \\S+):(\\S+)", "$1:$2-hotfix");
    }

    private static Random random(int i) {
        return new Random(SEED * 31 + i);
    }

    static String defaults() {
        return """
                apiVersion: jobform.io/v1alpha1
                kind: JobDefaults
                metadata:
                  name: defaults
                spec:
                  cluster: batch
                  network:
                    subnets: [subnet-0a1b2c3d4e5f67890, subnet-0f9e8d7c6b5a43210]
                    securityGroups: [sg-0123456789abcdef0]
                  labels:
                    owner: platform
                  timeoutSeconds: 3600
                  container:
                    cpu: 256
                    memory: 512
                    env:
                      LOG_FORMAT: json
                """;
    }

    public static String job(int i) {
        Random r = random(i);
        String team = TEAMS[r.nextInt(TEAMS.length)];
        String verb = VERBS[r.nextInt(VERBS.length)];
        String name = team + "-" + verb + "-" + String.format("%05d", i);
        StringBuilder y = new StringBuilder();
        y.append("apiVersion: jobform.io/v1alpha1\nkind: ScheduledJob\nmetadata:\n  name: ").append(name)
                .append("\n  labels: {team: ").append(team).append(", tier: t").append(r.nextInt(3)).append("}\nspec:\n");
        int kind = r.nextInt(100);
        if (kind < 55) {
            y.append("  schedule:\n    cron: \"").append(r.nextInt(60)).append(' ').append(r.nextInt(24))
                    .append(" * * *\"\n    timezone: ").append(ZONES[r.nextInt(ZONES.length)]).append('\n');
            if (r.nextBoolean()) {
                y.append("    jitterMinutes: ").append(1 + r.nextInt(15)).append('\n');
            }
        } else if (kind < 75) {
            y.append("  schedule:\n    cron: \"").append(r.nextInt(60)).append(' ').append(r.nextInt(24))
                    .append(" * * 1-5\"\n    timezone: ").append(ZONES[r.nextInt(ZONES.length)]).append('\n');
        } else if (kind < 95) {
            y.append("  schedule:\n    rate: ").append(new String[] {"5m", "15m", "30m", "1h", "6h", "1d"}[r.nextInt(6)])
                    .append('\n');
        }
        // else: on demand only, no schedule
        y.append("  concurrencyPolicy: ").append(POLICIES[r.nextInt(POLICIES.length)]).append('\n');
        if (r.nextInt(3) == 0) {
            y.append("  timeoutSeconds: ").append(300 * (1 + r.nextInt(24))).append('\n');
        }
        if (r.nextInt(4) == 0) {
            y.append("  retries: {limit: ").append(1 + r.nextInt(3)).append(", intervalSeconds: ")
                    .append(30 * (1 + r.nextInt(4))).append(", backoffRate: 2.0}\n");
        }
        int[] size = SIZES[r.nextInt(SIZES.length)];
        String region = r.nextBoolean() ? "eu-west-1" : "us-east-1";
        y.append("  container:\n    image: 123456789012.dkr.ecr.").append(region).append(".amazonaws.com/")
                .append(team).append('-').append(verb).append(':').append(1 + r.nextInt(4)).append('.')
                .append(r.nextInt(20)).append('.').append(r.nextInt(10)).append('\n');
        if (r.nextBoolean()) {
            y.append("    command: [\"python\", \"-m\", \"").append(team).append('.').append(verb)
                    .append("\", \"--shard\", \"").append(i % 16).append("\"]\n");
        }
        y.append("    cpu: ").append(size[0]).append("\n    memory: ").append(size[1]).append('\n');
        List<String> env = new ArrayList<>();
        for (int e = r.nextInt(4); e > 0; e--) {
            env.add("      VAR_" + e + ": \"value-" + r.nextInt(1000) + "\"");
        }
        if (!env.isEmpty()) {
            y.append("    env:\n").append(String.join("\n", env)).append('\n');
        }
        if (r.nextInt(5) == 0) {
            y.append("    secrets:\n      DB_PASSWORD: arn:aws:secretsmanager:us-east-1:123456789012:secret:")
                    .append(team).append("/db-AbC123\n");
        }
        if (r.nextInt(3) == 0) {
            y.append("  permissions:\n    - effect: Allow\n      actions: [\"s3:GetObject\", \"s3:PutObject\"]\n")
                    .append("      resources: [\"arn:aws:s3:::").append(team).append("-data/").append(name)
                    .append("/*\"]\n");
            if (r.nextBoolean()) {
                y.append("    - effect: Allow\n      actions: [\"dynamodb:Query\"]\n      resources: [")
                        .append("\"arn:aws:dynamodb:us-east-1:123456789012:table/").append(team).append("\"]\n");
            }
        }
        if (r.nextInt(4) == 0) {
            y.append("  notifications:\n    onFailure: arn:aws:sns:us-east-1:123456789012:").append(team)
                    .append("-oncall\n");
        }
        return y.toString();
    }
}
