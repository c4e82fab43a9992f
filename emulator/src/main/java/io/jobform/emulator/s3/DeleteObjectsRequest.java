package io.jobform.emulator.s3;

import io.jobform.emulator.core.AwsException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code <Delete>} body of DeleteObjects: up to 1000 keys and the Quiet flag. */
record DeleteObjectsRequest(List<String> keys, boolean quiet) {

    static DeleteObjectsRequest parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setNamespaceAware(false);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            List<String> keys = new ArrayList<>();
            NodeList objects = doc.getDocumentElement().getElementsByTagName("Object");
            for (int i = 0; i < objects.getLength(); i++) {
                NodeList key = ((Element) objects.item(i)).getElementsByTagName("Key");
                if (key.getLength() != 1) {
                    throw malformed();
                }
                keys.add(key.item(0).getTextContent());
            }
            NodeList quiet = doc.getDocumentElement().getElementsByTagName("Quiet");
            if (keys.isEmpty() || keys.size() > 1000) {
                throw malformed();
            }
            return new DeleteObjectsRequest(keys, quiet.getLength() > 0 && quiet.item(0).getTextContent().trim().equals("true"));
        } catch (AwsException e) {
            throw e;
        } catch (Exception e) {
            throw malformed();
        }
    }

    private static AwsException malformed() {
        return new AwsException(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }
}
