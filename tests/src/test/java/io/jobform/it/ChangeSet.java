package io.jobform.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Twenty jobs before, and a change set after: four created, four deleted, and updates that
 * touch every kind (new task definition revisions, a task role created, changed and deleted,
 * a schedule and a state machine changed).
 */
final class ChangeSet {
    static final String JOB = """
            apiVersion: jobform.io/v1alpha1
            kind: ScheduledJob
            metadata:
              name: job-%02d
              labels: {team: t%d}
            spec:
              schedule: {cron: "%s"}
              timeoutSeconds: %d
              container:
                image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:%s
                env: {JOB_INDEX: "%d"}
            %s""";

    private ChangeSet() {}

    static String job(int i, String image, String cron, int timeout, boolean permissions, String bucket) {
        String perms = permissions ? """
                  permissions:
                    - {effect: Allow, actions: ["s3:GetObject"], resources: ["arn:aws:s3:::%s/*"]}
                """.formatted(bucket) : "";
        return JOB.formatted(i, i % 3, cron, timeout, image, i, perms);
    }

    /** The twenty jobs before the change: every third declares permissions. */
    static void before(Path dir) {
        reset(dir);
        for (int i = 0; i < 20; i++) {
            write(dir, i, job(i, "1.0", (i % 60) + " 2 * * *", 3600, i % 3 == 0, "data-" + i));
        }
    }

    static void after(Path dir) {
        reset(dir);
        for (int i = 0; i < 24; i++) {
            if (i >= 16 && i < 20) {
                continue; // deleted
            }
            String image = i == 0 || i == 5 ? "2.0" : "1.0";          // new revisions
            String cron = i == 2 ? "30 4 * * *" : (i % 60) + " 2 * * *"; // schedule update
            int timeout = i == 4 ? 7200 : 3600;                          // state machine update
            boolean permissions = i == 1 || (i % 3 == 0 && i != 6);      // role created / deleted (6)
            String bucket = i == 3 ? "other-data" : "data-" + i;         // role policy changed
            write(dir, i, job(i, image, cron, timeout, permissions, bucket));
        }
    }

    private static void write(Path dir, int i, String text) {
        try {
            Files.writeString(dir.resolve("job-%02d.yaml".formatted(i)), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reset(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
