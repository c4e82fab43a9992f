package io.jobform.emulator.wire;

/** A tiny streaming XML writer: enough for the S3 and IAM response documents. */
public final class Xml {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    public Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public Xml open(String name, String xmlns) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(xmlns)).append("\">");
        return this;
    }

    public Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    public Xml element(String name, Object value) {
        if (value == null) {
            return this;
        }
        out.append('<').append(name).append('>').append(escape(String.valueOf(value)))
                .append("</").append(name).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\r' -> b.append("&#13;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
