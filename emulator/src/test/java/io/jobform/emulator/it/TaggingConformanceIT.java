package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.AwsService;
import io.jobform.emulator.core.Protocol;
import io.jobform.emulator.core.TaggedResource;
import io.jobform.emulator.core.TaggedResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.InvalidParameterException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.PaginationTokenExpiredException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * GetResources through the SDK. The emulator suite feeds the Tagging API from a fixed source
 * of 150 resources; against another endpoint only the source-independent checks run.
 */
class TaggingConformanceIT extends EndpointTestBase {
    private static Emulator withSource;
    private static ResourceGroupsTaggingApiClient fixture;

    /** 60 task definitions, 60 state machines, 20 schedule groups (tagged) and 10 untagged. */
    static final class FixedResources implements AwsService, TaggedResources {
        @Override
        public String signingName() {
            return "fixture";
        }

        @Override
        public Protocol protocol() {
            return Protocol.AWS_JSON_1_1;
        }

        @Override
        public String operation(AwsRequest request) {
            return "None";
        }

        @Override
        public AwsResponse handle(AwsRequest request) {
            throw AwsException.unknownOperation(Protocol.AWS_JSON_1_1, "None");
        }

        @Override
        public List<TaggedResource> taggedResources(String region) {
            if (!region.equals("us-east-1")) {
                return List.of();
            }
            List<TaggedResource> all = new ArrayList<>();
            String acct = "123456789012";
            for (int i = 0; i < 60; i++) {
                String instance = i % 2 == 0 ? "jobform" : "other";
                all.add(new TaggedResource("arn:aws:ecs:us-east-1:" + acct + ":task-definition/td-" + i + ":1",
                        "ecs:task-definition", Map.of("jobform.io/instance", instance, "jobform.io/job", "job-" + i)));
                all.add(new TaggedResource("arn:aws:states:us-east-1:" + acct + ":stateMachine:sm-" + i,
                        "states:stateMachine", Map.of("jobform.io/instance", instance, "jobform.io/job", "job-" + i)));
            }
            for (int i = 0; i < 20; i++) {
                all.add(new TaggedResource("arn:aws:scheduler:us-east-1:" + acct + ":schedule-group/g-" + i,
                        "scheduler:schedule-group", Map.of("jobform.io/instance", "jobform")));
            }
            for (int i = 0; i < 10; i++) {
                all.add(new TaggedResource("arn:aws:ecs:us-east-1:" + acct + ":task-definition/untagged-" + i + ":1",
                        "ecs:task-definition", Map.of()));
            }
            return all;
        }
    }

    @BeforeAll
    static void startWithSource() {
        if (emulator != null) {
            withSource = Emulator.start(EmulatorOptions.defaults(), ctx -> List.of(new FixedResources()));
            fixture = tagging(withSource.endpoint());
        }
    }

    @AfterAll
    static void stopWithSource() {
        if (withSource != null) {
            fixture.close();
            withSource.close();
        }
    }

    private static List<ResourceTagMapping> all(java.util.function.Consumer<
            software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesRequest.Builder> request) {
        List<ResourceTagMapping> out = new ArrayList<>();
        fixture.getResourcesPaginator(request).forEach(p -> out.addAll(p.resourceTagMappingList()));
        return out;
    }

    @Test
    void unknownTagValueMatchesNothing() {
        try (var tagging = tagging()) {
            GetResourcesResponse r = tagging.getResources(b -> b.tagFilters(
                    TagFilter.builder().key("jobform.io/instance").values(unique("none")).build()));
            assertThat(r.resourceTagMappingList()).isEmpty();
            assertThat(r.paginationToken()).isEmpty();
        }
    }

    @Test
    void resourcesPerPageOutOfRangeIsInvalidParameter() {
        try (var tagging = tagging()) {
            assertThatThrownBy(() -> tagging.getResources(b -> b.resourcesPerPage(101)))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> tagging.getResources(b -> b.resourcesPerPage(0)))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> tagging.getResources(b -> b.tagsPerPage(99)))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> tagging.getResources(b -> b.resourceARNList("arn:aws:ecs:us-east-1:123456789012:task-definition/x:1")
                    .resourcesPerPage(10)))
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void everyTaggedResourceAcrossPages() {
        emulatorOnly();
        GetResourcesResponse first = fixture.getResources(b -> b.resourcesPerPage(100));
        assertThat(first.resourceTagMappingList()).hasSize(100);
        assertThat(first.paginationToken()).isNotEmpty();
        GetResourcesResponse second = fixture.getResources(b -> b.resourcesPerPage(100).paginationToken(first.paginationToken()));
        assertThat(second.resourceTagMappingList()).hasSize(40);
        assertThat(second.paginationToken()).isEmpty();
        // Untagged resources are not returned.
        assertThat(all(b -> b.resourcesPerPage(25))).hasSize(140)
                .noneMatch(m -> m.resourceARN().contains("untagged"));
    }

    @Test
    void resourceTypeFilters() {
        emulatorOnly();
        assertThat(all(b -> b.resourceTypeFilters("ecs:task-definition"))).hasSize(60)
                .allMatch(m -> m.resourceARN().contains(":task-definition/"));
        assertThat(all(b -> b.resourceTypeFilters("ecs"))).hasSize(60);
        assertThat(all(b -> b.resourceTypeFilters("states:stateMachine", "scheduler:schedule-group"))).hasSize(80);
        assertThat(all(b -> b.resourceTypeFilters("scheduler:schedule"))).isEmpty();
    }

    @Test
    void tagFiltersAreAndedAcrossFiltersAndOredWithinValues() {
        emulatorOnly();
        assertThat(all(b -> b.tagFilters(TagFilter.builder().key("jobform.io/instance").values("jobform").build())))
                .hasSize(80);
        assertThat(all(b -> b.tagFilters(TagFilter.builder().key("jobform.io/job").build()))).hasSize(120);
        assertThat(all(b -> b.tagFilters(
                TagFilter.builder().key("jobform.io/instance").values("jobform").build(),
                TagFilter.builder().key("jobform.io/job").values("job-2", "job-3", "job-4").build())))
                .extracting(ResourceTagMapping::resourceARN)
                .containsExactlyInAnyOrder(
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/td-2:1",
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/td-4:1",
                        "arn:aws:states:us-east-1:123456789012:stateMachine:sm-2",
                        "arn:aws:states:us-east-1:123456789012:stateMachine:sm-4");
        ResourceTagMapping one = all(b -> b.resourceTypeFilters("states:stateMachine").tagFilters(
                TagFilter.builder().key("jobform.io/job").values("job-7").build())).get(0);
        assertThat(one.tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactlyInAnyOrder("jobform.io/instance=other", "jobform.io/job=job-7");
    }

    @Test
    void resourceArnListSelectsResources() {
        emulatorOnly();
        assertThat(all(b -> b.resourceARNList("arn:aws:states:us-east-1:123456789012:stateMachine:sm-3",
                "arn:aws:states:us-east-1:123456789012:stateMachine:absent")))
                .extracting(ResourceTagMapping::resourceARN)
                .containsExactly("arn:aws:states:us-east-1:123456789012:stateMachine:sm-3");
    }

    @Test
    void otherRegionSeesNothingAndBadTokenIsRejected() {
        emulatorOnly();
        try (var west = software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient.builder()
                .endpointOverride(withSource.endpoint()).region(software.amazon.awssdk.regions.Region.US_WEST_2)
                .credentialsProvider(credentials()).httpClient(http).build()) {
            assertThat(west.getResources(b -> b.resourcesPerPage(100)).resourceTagMappingList()).isEmpty();
        }
        assertThatThrownBy(() -> fixture.getResources(b -> b.paginationToken("%%%not-a-token")))
                .isInstanceOf(PaginationTokenExpiredException.class);
    }
}
