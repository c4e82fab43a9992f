package io.jobform.aws;

import io.jobform.resource.OwnershipTags;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesRequest;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * Finds everything taggable the instance owns in one paged query: task definition revisions,
 * state machines and the schedule group, filtered on {@code jobform.io/instance}. 100 resources
 * per page (the GetResources maximum for ResourcesPerPage, botocore resourcegroupstaggingapi
 * model), with their tags, which carry the spec hashes: no per-resource call.
 */
public final class OwnedResourceFinder {
    static final List<String> TYPES = List.of("ecs:task-definition", "states:stateMachine", "scheduler:schedule-group");

    private final ResourceGroupsTaggingApiClient tagging;

    public OwnedResourceFinder(ResourceGroupsTaggingApiClient tagging) {
        this.tagging = tagging;
    }

    public List<TaggedArn> owned(String instance) {
        List<TaggedArn> found = new ArrayList<>();
        String token = "";
        do {
            GetResourcesResponse page = tagging.getResources(GetResourcesRequest.builder()
                    .tagFilters(TagFilter.builder().key(OwnershipTags.INSTANCE).values(instance).build())
                    .resourceTypeFilters(TYPES)
                    .resourcesPerPage(100)
                    .paginationToken(token)
                    .build());
            page.resourceTagMappingList().forEach(m -> found.add(new TaggedArn(m.resourceARN(),
                    m.tags().stream().collect(java.util.stream.Collectors.toMap(t -> t.key(), t -> t.value(),
                            (a, b) -> b)))));
            token = page.paginationToken() == null ? "" : page.paginationToken();
        } while (!token.isEmpty());
        return found;
    }
}
