package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.tagging.IndexLag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.Tag;

/**
 * The tag index fault mode: GetResources trails the services by a lag and keeps deleted
 * resources as ghosts, as the Resource Groups Tagging index does in AWS, while the services' own
 * reads stay current. Driven by a clock the test moves.
 */
class TagIndexLagIT extends EndpointTestBase {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Emulator own;
    private SchedulerClient scheduler;
    private ResourceGroupsTaggingApiClient index;

    @BeforeEach
    void start() {
        own = Emulator.start(EmulatorOptions.defaults().withClock(clock));
        scheduler = SchedulerClient.builder().endpointOverride(own.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(http).build();
        index = tagging(own.endpoint());
    }

    @AfterEach
    void stop() {
        scheduler.close();
        index.close();
        own.close();
    }

    private Map<String, Map<String, String>> indexed() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        index.getResources(b -> b.resourceTypeFilters("scheduler:schedule-group")).resourceTagMappingList()
                .forEach(m -> {
                    Map<String, String> tags = new TreeMap<>();
                    m.tags().forEach(t -> tags.put(t.key(), t.value()));
                    out.put(m.resourceARN().substring(m.resourceARN().lastIndexOf('/') + 1), tags);
                });
        return out;
    }

    private void createGroup(String name, String team) {
        scheduler.createScheduleGroup(b -> b.name(name).tags(Tag.builder().key("team").value(team).build()));
    }

    @Test
    void newResourcesAndTagsShowUpOnlyAfterTheLag() {
        createGroup("before", "a");
        own.tagging().indexLag(new IndexLag(Duration.ofSeconds(60), Duration.ZERO));
        createGroup("after", "a");
        String arn = scheduler.getScheduleGroup(b -> b.name("after")).arn();

        assertThat(indexed()).containsOnlyKeys("before"); // existed when the lag was set
        assertThat(scheduler.listScheduleGroups(b -> { }).scheduleGroups()).extracting(g -> g.name())
                .contains("before", "after"); // the service itself is current
        clock.advance(Duration.ofSeconds(59));
        assertThat(indexed()).containsOnlyKeys("before");
        clock.advance(Duration.ofSeconds(1));
        assertThat(indexed()).containsEntry("after", Map.of("team", "a"));

        scheduler.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("b").build()));
        clock.advance(Duration.ofSeconds(30));
        assertThat(indexed()).containsEntry("after", Map.of("team", "a")); // the old tag, still
        clock.advance(Duration.ofSeconds(30));
        assertThat(indexed()).containsEntry("after", Map.of("team", "b"));
    }

    @Test
    void deletedResourcesStayAsGhostsForTheirTime() {
        own.tagging().indexLag(new IndexLag(Duration.ZERO, Duration.ofMinutes(10)));
        createGroup("doomed", "a");
        assertThat(indexed()).containsOnlyKeys("doomed");
        scheduler.deleteScheduleGroup(b -> b.name("doomed"));

        assertThat(scheduler.listScheduleGroups(b -> { }).scheduleGroups()).extracting(g -> g.name())
                .doesNotContain("doomed");
        clock.advance(Duration.ofMinutes(9));
        assertThat(indexed()).containsEntry("doomed", Map.of("team", "a")); // a ghost with its last tags
        clock.advance(Duration.ofMinutes(1));
        assertThat(indexed()).isEmpty();

        own.tagging().indexLag(IndexLag.NONE);
        createGroup("current", "a");
        assertThat(indexed().keySet()).isEqualTo(java.util.Set.copyOf(List.of("current")));
    }
}
