package io.jobform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** deploy/template.yaml with its intrinsic functions evaluated for one instance name and manifest prefix. */
final class ResolvedTemplate {
    final Map<String, Object> template = CloudFormationYaml.load(TemplateTest.read(TemplateTest.TEMPLATE));
    final TemplateResolver resolver;

    ResolvedTemplate(String instanceName, String manifestPrefix) {
        this.resolver = new TemplateResolver(template, Map.of("InstanceName", instanceName,
                "ManifestPrefix", manifestPrefix, "CodeKey", "jobform/jobform-1.jar", "CodeBucket", "code",
                "ClusterName", "jobs", "LogRetentionDays", "30", "AlarmTopicArn", ""));
    }

    /** The resource's member at {@code path} (map keys, or list indexes), resolved. */
    @SuppressWarnings("unchecked")
    JsonNode resolved(String resource, String... path) {
        Object node = ((Map<String, Object>) template.get("Resources")).get(resource);
        for (String key : path) {
            node = node instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) node).get(key);
        }
        return resolver.resolve(node);
    }
}
