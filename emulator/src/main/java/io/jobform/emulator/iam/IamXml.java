package io.jobform.emulator.iam;

import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.wire.Xml;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

/** IAM's XML response envelope and the Role structure. */
final class IamXml {
    static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private IamXml() {}

    /** {@code <OpResponse><OpResult>..</OpResult><ResponseMetadata/></OpResponse>}; null result = no Result element. */
    static AwsResponse response(String operation, String requestId, Consumer<Xml> result) {
        Xml xml = new Xml().open(operation + "Response", NS);
        if (result != null) {
            xml.open(operation + "Result");
            result.accept(xml);
            xml.close(operation + "Result");
        }
        xml.open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata");
        xml.close(operation + "Response");
        return AwsResponse.of(200, "text/xml", xml.toString());
    }

    /** ListRoles omits PermissionsBoundary, Tags and RoleLastUsed, as IAM documents. */
    static void role(Xml xml, String element, IamRole role, boolean full) {
        xml.open(element)
                .element("Path", role.path)
                .element("RoleName", role.name)
                .element("RoleId", role.id)
                .element("Arn", role.arn)
                .element("CreateDate", iso(role.created))
                .element("AssumeRolePolicyDocument", PolicyDocuments.urlEncode(role.trustPolicy))
                .element("Description", role.description)
                .element("MaxSessionDuration", role.maxSessionDuration);
        if (full) {
            role.boundaryArn.ifPresent(arn -> xml.open("PermissionsBoundary")
                    .element("PermissionsBoundaryType", "Policy")
                    .element("PermissionsBoundaryArn", arn)
                    .close("PermissionsBoundary"));
            if (!role.tags.isEmpty()) {
                tags(xml, role.tags);
            }
            xml.open("RoleLastUsed").close("RoleLastUsed");
        }
        xml.close(element);
    }

    static void tags(Xml xml, Map<String, String> tags) {
        xml.open("Tags");
        tags.forEach((k, v) -> xml.open("member").element("Key", k).element("Value", v).close("member"));
        xml.close("Tags");
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
