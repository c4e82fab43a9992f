package io.jobform.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Loads a CloudFormation template written in YAML, turning the short-form intrinsic function
 * tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) into their long JSON form
 * ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [...]}}), as CloudFormation does
 * (CloudFormation user guide, "Intrinsic function reference").
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "ToJsonString", "Length");

    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String text) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();
        return (Map<String, Object>) new Load(settings, new IntrinsicConstructor(settings)).loadFromString(text);
    }

    private static final class IntrinsicConstructor extends StandardConstructor {

        IntrinsicConstructor(LoadSettings settings) {
            super(settings);
            tagConstructors.put(new Tag("!Ref"), node -> Map.of("Ref", constructScalar((ScalarNode) node)));
            tagConstructors.put(new Tag("!Condition"), node -> Map.of("Condition", constructScalar((ScalarNode) node)));
            tagConstructors.put(new Tag("!GetAtt"), node -> Map.of("Fn::GetAtt", getAtt(node)));
            for (String function : FUNCTIONS) {
                if (!function.equals("GetAtt")) {
                    tagConstructors.put(new Tag("!" + function), intrinsic("Fn::" + function));
                }
            }
        }

        private ConstructNode intrinsic(String key) {
            return node -> Map.of(key, value(node));
        }

        private Object value(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return new LinkedHashMap<>(constructMapping((MappingNode) node));
        }

        /** {@code !GetAtt Res.Attr} (scalar) or {@code !GetAtt [Res, Attr]}. */
        private List<Object> getAtt(Node node) {
            if (node instanceof ScalarNode scalar) {
                String text = constructScalar(scalar);
                int dot = text.indexOf('.');
                return dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
            }
            return new ArrayList<>(constructSequence((SequenceNode) node));
        }
    }
}
