package io.jobform.emulator.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.Protocol;
import io.jobform.emulator.core.SelfLocking;
import io.jobform.emulator.core.TaggedResource;
import io.jobform.emulator.core.TaggedResources;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.JsonService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resource Groups Tagging API (awsJson 1.1, target prefix ResourceGroupsTaggingAPI_20170126):
 * GetResources over the resources of every {@link TaggedResources} service in the request's
 * Region. Field names and limits follow botocore resourcegroupstaggingapi/2017-01-26.
 */
public final class TaggingService extends JsonService implements SelfLocking {
    private final List<TaggedResources> sources;
    private final Clock clock;
    private final Map<String, LaggingIndex> lagging = new ConcurrentHashMap<>();
    private volatile IndexLag lag = IndexLag.NONE;

    public TaggingService(List<TaggedResources> sources, Clock clock) {
        super("tagging", Protocol.AWS_JSON_1_1, message -> new AwsException(400, "InvalidParameterException", message));
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    /**
     * Makes GetResources trail the services (a fault mode for tests); {@link IndexLag#NONE}
     * returns to an index that is always current. What exists now stays visible.
     */
    public void indexLag(IndexLag value) {
        lagging.clear();
        lag = value;
    }

    public IndexLag indexLag() {
        return lag;
    }

    /** Called around every service call while a lag is set: records what the call changed, and when. */
    public void recordChanges(String region) {
        if (lag.active()) {
            index(region).record(clock.instant(), resources(region));
        }
    }

    private LaggingIndex index(String region) {
        return lagging.computeIfAbsent(region, r -> new LaggingIndex(lag, resources(r)));
    }

    @Override
    protected ObjectNode answer(String operation, AwsRequest request, Fields in) {
        return switch (operation) {
            case "GetResources" -> getResources(in.node(), request.region());
            default -> throw AwsException.unknownOperation(protocol(), operation);
        };
    }

    /** Every tagged resource in the Region, for tests and for GetResources. */
    public List<TaggedResource> resources(String region) {
        List<TaggedResource> all = new ArrayList<>();
        for (TaggedResources source : sources) {
            // Lock each source as the server does for its calls: its state may be changing.
            synchronized (source) {
                all.addAll(source.taggedResources(region));
            }
        }
        all.sort(Comparator.comparing(TaggedResource::arn));
        return all;
    }

    private ObjectNode getResources(JsonNode body, String region) {
        GetResourcesQuery query = GetResourcesQuery.parse(body);
        List<TaggedResource> indexed = resources(region);
        if (lag.active()) {
            LaggingIndex index = index(region);
            index.record(clock.instant(), indexed);
            indexed = new ArrayList<>(index.visible(clock.instant()));
            indexed.sort(Comparator.comparing(TaggedResource::arn));
        }
        List<TaggedResource> matching = indexed.stream()
                .filter(r -> !r.tags().isEmpty())
                .filter(query::matches)
                .toList();
        String after = query.paginationToken().map(TaggingService::decodeToken).orElse("");
        List<TaggedResource> rest = matching.stream().filter(r -> r.arn().compareTo(after) > 0).toList();
        List<TaggedResource> page = rest.subList(0, Math.min(query.resourcesPerPage(), rest.size()));
        boolean more = rest.size() > page.size();

        ObjectNode out = JsonBody.object();
        out.put("PaginationToken", more ? encodeToken(page.get(page.size() - 1).arn()) : "");
        ArrayNode list = out.putArray("ResourceTagMappingList");
        for (TaggedResource r : page) {
            ObjectNode mapping = list.addObject();
            mapping.put("ResourceARN", r.arn());
            ArrayNode tags = mapping.putArray("Tags");
            r.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        return out;
    }

    private static String encodeToken(String arn) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(arn.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsException(400, "PaginationTokenExpiredException", "The pagination token is invalid or has expired.");
        }
    }
}
