package dev.relock.pep508;

import java.util.regex.Pattern;

/** Token patterns of the PEP 508 grammar, as pypa/packaging's tokenizer defines them. */
final class Grammar {
    private Grammar() {
    }

    static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");
    static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z0-9][a-zA-Z0-9._-]*\\b");
    static final Pattern QUOTED_STRING = Pattern.compile("'[^']*'|\"[^\"]*\"");
    static final Pattern OPERATOR = Pattern.compile("===|==|~=|!=|<=|>=|<|>");
    static final Pattern BOOLEAN_OPERATOR = Pattern.compile("\\b(?:or|and)\\b");
    static final Pattern IN = Pattern.compile("\\bin\\b");
    static final Pattern NOT = Pattern.compile("\\bnot\\b");
    /** Marker variables including the legacy aliases; {@code extras} and dependency groups are not. */
    static final Pattern VARIABLE = Pattern.compile(
            "\\b(?:python_version|python_full_version|os[._]name|sys[._]platform"
                    + "|platform_(?:release|system)|platform[._](?:version|machine|python_implementation)"
                    + "|python_implementation|implementation_(?:name|version)|extra)\\b");
    static final Pattern URL = Pattern.compile("[^ \\t]+");
    static final Pattern VERSION_PREFIX_TRAIL = Pattern.compile("\\.\\*");
    static final Pattern VERSION_LOCAL_LABEL_TRAIL = Pattern.compile("\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*");

    private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
    private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
    private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
    private static final String SPECIFIER_BODY = "(?:"
            + "(?:===\\s*[^\\s;)]*)"
            + "|(?:(?:==|!=)\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*"
            + "(?:\\.\\*|" + PRE + POST + DEV + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)?)"
            + "|(?:~=\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV + ")"
            + "|(?:(?:<=|>=|<|>)\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*" + PRE + POST + DEV + ")"
            + ")";

    /** One version specifier token inside a requirement, such as {@code >= 1.0}. */
    static final Pattern SPECIFIER = Pattern.compile(SPECIFIER_BODY, Pattern.CASE_INSENSITIVE);

    /** A complete single specifier, with the surrounding whitespace packaging tolerates. */
    static final Pattern WHOLE_SPECIFIER =
            Pattern.compile("\\s*" + SPECIFIER_BODY + "\\s*", Pattern.CASE_INSENSITIVE);

    private static final Pattern NAME_SEPARATORS = Pattern.compile("[-_.]+");

    /** PEP 503 / PEP 685 normalization of any string (lower case, runs of -_. become one -). */
    static String canonicalize(String name) {
        return NAME_SEPARATORS.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceAll("-");
    }
}
