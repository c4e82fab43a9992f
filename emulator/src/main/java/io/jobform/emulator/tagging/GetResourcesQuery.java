package io.jobform.emulator.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.TaggedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A validated GetResources request. Limits from the API model: ResourcesPerPage 1..100
 * (default 100), TagsPerPage 100..500, TagFilters at most 50 with at most 20 Values each, Key
 * 1..128 characters, ResourceTypeFilters at most 100, ResourceARNList 1..100 and not combined
 * with the pagination parameters.
 */
record GetResourcesQuery(List<TagFilter> tagFilters, List<String> typeFilters, Optional<Set<String>> arns,
                         int resourcesPerPage, Optional<String> paginationToken) {

    record TagFilter(String key, List<String> values) {}

    static GetResourcesQuery parse(JsonNode body) {
        List<TagFilter> filters = new ArrayList<>();
        JsonNode tagFilters = body.path("TagFilters");
        if (tagFilters.size() > 50) {
            throw invalid("TagFilters must contain at most 50 filters");
        }
        for (JsonNode f : tagFilters) {
            String key = f.path("Key").asText("");
            if (key.isEmpty() || key.length() > 128) {
                throw invalid("TagFilter Key must be 1 to 128 characters long");
            }
            List<String> values = new ArrayList<>();
            f.path("Values").forEach(v -> values.add(v.asText()));
            if (values.size() > 20) {
                throw invalid("TagFilter Values must contain at most 20 values");
            }
            filters.add(new TagFilter(key, values));
        }
        List<String> types = new ArrayList<>();
        body.path("ResourceTypeFilters").forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        if (types.size() > 100) {
            throw invalid("ResourceTypeFilters must contain at most 100 types");
        }
        if (body.has("TagsPerPage") && (body.get("TagsPerPage").asInt() < 100 || body.get("TagsPerPage").asInt() > 500)) {
            throw invalid("TagsPerPage must be between 100 and 500");
        }
        Optional<Set<String>> arns = Optional.empty();
        if (body.has("ResourceARNList")) {
            List<String> list = new ArrayList<>();
            body.get("ResourceARNList").forEach(a -> list.add(a.asText()));
            if (list.isEmpty() || list.size() > 100) {
                throw invalid("ResourceARNList must contain 1 to 100 ARNs");
            }
            if (body.has("ResourcesPerPage") || body.has("TagsPerPage") || body.has("PaginationToken")) {
                throw invalid("ResourceARNList can't be used with ResourcesPerPage, TagsPerPage or PaginationToken");
            }
            arns = Optional.of(Set.copyOf(list));
        }
        int perPage = body.path("ResourcesPerPage").asInt(100);
        if (body.has("ResourcesPerPage") && (perPage < 1 || perPage > 100)) {
            throw invalid("ResourcesPerPage must be between 1 and 100");
        }
        Optional<String> token = Optional.ofNullable(body.path("PaginationToken").asText(null)).filter(t -> !t.isEmpty());
        return new GetResourcesQuery(filters, types, arns, perPage, token);
    }

    boolean matches(TaggedResource r) {
        if (arns.isPresent() && !arns.get().contains(r.arn())) {
            return false;
        }
        if (!typeFilters.isEmpty() && typeFilters.stream().noneMatch(t -> typeMatches(t, r.resourceType()))) {
            return false;
        }
        for (TagFilter f : tagFilters) {
            String value = r.tags().get(f.key());
            if (value == null || (!f.values().isEmpty() && !f.values().contains(value))) {
                return false;
            }
        }
        return true;
    }

    /** "ecs" matches every ECS type; "ecs:task-definition" only that type. */
    private static boolean typeMatches(String filter, String resourceType) {
        String type = resourceType.toLowerCase(Locale.ROOT);
        return filter.contains(":") ? type.equals(filter) : type.startsWith(filter + ":");
    }

    private static AwsException invalid(String message) {
        return new AwsException(400, "InvalidParameterException", message);
    }
}
