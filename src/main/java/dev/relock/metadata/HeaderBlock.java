package dev.relock.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The RFC 822-style header section of a METADATA / PKG-INFO file, as an ordered list of
 * (lower-cased name, unfolded value) pairs. The body after the first empty line is dropped.
 */
final class HeaderBlock {
    /** One header field. */
    record Field(String name, String value) {
    }

    private final List<Field> fields;
    private final List<String> warnings;

    private HeaderBlock(List<Field> fields, List<String> warnings) {
        this.fields = fields;
        this.warnings = warnings;
    }

    List<Field> fields() {
        return fields;
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * Splits {@code text} into header fields. Continuation lines (starting with a space or tab)
     * are unfolded into the previous field by removing the line break only. A line that is
     * neither a header nor a continuation ends the headers with a warning, as Python's email
     * parser treats it as the start of the body.
     */
    static HeaderBlock parse(String text) {
        List<Field> fields = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String currentName = null;
        StringBuilder currentValue = new StringBuilder();
        int lineNumber = 0;
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int end = pos;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(pos, end);
            pos = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n'
                    ? end + 2 : end + 1;
            lineNumber++;
            if (line.isEmpty()) {
                break;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (currentName == null) {
                    warnings.add("line " + lineNumber + " continues no header; ignored");
                } else {
                    currentValue.append(line);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isFieldName(line.substring(0, colon))) {
                warnings.add("line " + lineNumber + " is not a header; treating the rest as the body");
                break;
            }
            if (currentName != null) {
                fields.add(new Field(currentName, currentValue.toString().strip()));
            }
            currentName = line.substring(0, colon).toLowerCase(Locale.ROOT);
            currentValue.setLength(0);
            currentValue.append(line, colon + 1, line.length());
        }
        if (currentName != null) {
            fields.add(new Field(currentName, currentValue.toString().strip()));
        }
        return new HeaderBlock(List.copyOf(fields), List.copyOf(warnings));
    }

    private static boolean isFieldName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
