package dev.relock.pep508;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for dependency specifiers and marker expressions, following the
 * grammar and error messages of pypa/packaging's hand-written parser.
 *
 * <pre>
 * requirement   = WS? IDENTIFIER WS? extras WS? details END
 * details       = AT WS? URL (WS (SEMICOLON marker WS?)?)?
 *               | specifier WS? (SEMICOLON marker WS?)?
 * extras        = ('[' WS? (IDENTIFIER (WS? ',' WS? IDENTIFIER)*)? WS? ']')?
 * specifier     = '(' WS? version_many WS? ')' | WS? version_many WS?
 * version_many  = (SPECIFIER (WS? ',' WS? SPECIFIER)* ','?)?
 * marker        = atom (BOOLOP atom)*          -- 'and' binds tighter than 'or'
 * atom          = WS? ('(' WS? marker WS? ')' | item) WS?
 * item          = var WS? op WS? var           -- exactly one side a variable
 * </pre>
 */
final class Pep508Parser {
    /** The pieces of a requirement with the spans needed to report semantic errors. */
    record ParsedRequirement(
            Token name,
            List<Token> extras,
            List<String> specifiers,
            int specifierStart,
            int specifierEnd,
            Optional<String> url,
            Optional<MarkerNode> marker) {
    }

    /** A piece of the input and where it starts. */
    record Token(String text, int start) {
        int end() {
            return start + text.length();
        }
    }

    /**
     * How deeply parentheses may nest in a marker. packaging has no limit but Python's recursion
     * limit; real markers nest two or three levels, and a cap keeps hostile input from exhausting
     * the stack here and in every walk over the tree.
     */
    static final int MAX_MARKER_NESTING = 100;

    private final String source;
    private int position;
    private int nesting;

    private Pep508Parser(String source) {
        this.source = source;
    }

    static MarkerNode parseMarker(String source) {
        Pep508Parser parser = new Pep508Parser(source);
        MarkerNode marker = parser.marker();
        parser.expectEnd("end of marker expression");
        return marker;
    }

    static ParsedRequirement parseRequirement(String source) {
        return new Pep508Parser(source).requirement();
    }

    private ParsedRequirement requirement() {
        skipWhitespace();
        Token name = read(Grammar.IDENTIFIER)
                .orElseThrow(() -> error("Expected package name at the start of dependency specifier"));
        skipWhitespace();
        List<Token> extras = extras();
        skipWhitespace();

        Optional<String> url = Optional.empty();
        List<String> specifiers = List.of();
        Optional<MarkerNode> marker = Optional.empty();
        int specifierStart = position;
        int specifierEnd = position;
        if (peekChar('@')) {
            position++;
            skipWhitespace();
            int urlStart = position;
            url = Optional.of(read(Grammar.URL).orElseThrow(() -> error("Expected URL after @")).text());
            if (!atEnd()) {
                read(Grammar.WHITESPACE).orElseThrow(() -> error("Expected whitespace after URL"));
                if (!atEnd()) {
                    marker = Optional.of(requirementMarker(urlStart, "semicolon (after URL and whitespace)"));
                }
            }
        } else {
            specifiers = specifier();
            specifierEnd = position;
            skipWhitespace();
            if (!atEnd()) {
                marker = Optional.of(requirementMarker(specifierStart, specifiers.isEmpty()
                        ? "semicolon (after name with no version specifier)"
                        : "comma (within version specifier), semicolon (after version specifier)"));
            }
        }
        expectEnd("end of dependency specifier");
        return new ParsedRequirement(name, extras, specifiers, specifierStart, specifierEnd, url, marker);
    }

    private MarkerNode requirementMarker(int spanStart, String expected) {
        if (!peekChar(';')) {
            throw error("Expected " + expected + " or end", spanStart, position);
        }
        position++;
        MarkerNode marker = marker();
        skipWhitespace();
        return marker;
    }

    private List<Token> extras() {
        if (!peekChar('[')) {
            return List.of();
        }
        int open = position++;
        skipWhitespace();
        List<Token> extras = new ArrayList<>();
        Optional<Token> first = read(Grammar.IDENTIFIER);
        if (first.isPresent()) {
            extras.add(first.get());
            while (true) {
                skipWhitespace();
                if (peek(Grammar.IDENTIFIER).isPresent()) {
                    throw error("Expected comma between extra names");
                }
                if (!peekChar(',')) {
                    break;
                }
                position++;
                skipWhitespace();
                extras.add(read(Grammar.IDENTIFIER).orElseThrow(() -> error("Expected extra name after comma")));
            }
        }
        skipWhitespace();
        if (!peekChar(']')) {
            throw error("Expected matching ']' for '[', after extras", open, position);
        }
        position++;
        return extras;
    }

    private List<String> specifier() {
        int open = -1;
        if (peekChar('(')) {
            open = position++;
        }
        skipWhitespace();
        List<String> specifiers = versionMany();
        skipWhitespace();
        if (open >= 0) {
            if (!peekChar(')')) {
                throw error("Expected matching ')' for '(', after version specifier", open, position);
            }
            position++;
        }
        return specifiers;
    }

    private List<String> versionMany() {
        List<String> specifiers = new ArrayList<>();
        Optional<Token> token;
        while ((token = read(Grammar.SPECIFIER)).isPresent()) {
            int spanStart = token.get().start();
            String text = token.get().text();
            specifiers.add(text);
            if (peek(Grammar.VERSION_PREFIX_TRAIL).isPresent()) {
                throw error(text.startsWith("==") || text.startsWith("!=")
                        ? ".* suffix cannot be used after pre-release, post-release, developmental release,"
                                + " or local version labels"
                        : ".* suffix can only be used with `==` or `!=` operators", spanStart, position + 1);
            }
            if (peek(Grammar.VERSION_LOCAL_LABEL_TRAIL).isPresent()) {
                throw error("Local version label can only be used with `==` or `!=` operators",
                        spanStart, position);
            }
            skipWhitespace();
            if (!peekChar(',')) {
                break;
            }
            position++;
            skipWhitespace();
        }
        return specifiers;
    }

    /** {@code and} groups joined by {@code or}, exactly as packaging groups its flat lists. */
    private MarkerNode marker() {
        List<MarkerNode> disjuncts = new ArrayList<>();
        List<MarkerNode> conjuncts = new ArrayList<>();
        conjuncts.add(atom());
        Optional<Token> operator;
        while ((operator = read(Grammar.BOOLEAN_OPERATOR)).isPresent()) {
            if (operator.get().text().equals("or")) {
                disjuncts.add(junction(false, conjuncts));
                conjuncts = new ArrayList<>();
            }
            conjuncts.add(atom());
        }
        disjuncts.add(junction(false, conjuncts));
        return junction(true, disjuncts);
    }

    private static MarkerNode junction(boolean isOr, List<MarkerNode> children) {
        return children.size() == 1 ? children.get(0) : new MarkerNode.Junction(isOr, children, false);
    }

    private MarkerNode atom() {
        skipWhitespace();
        MarkerNode atom;
        if (peekChar('(')) {
            int open = position++;
            if (++nesting > MAX_MARKER_NESTING) {
                throw error("marker parentheses nest more than " + MAX_MARKER_NESTING + " levels deep", open,
                        open + 1);
            }
            skipWhitespace();
            atom = marker();
            nesting--;
            skipWhitespace();
            if (!peekChar(')')) {
                throw error("Expected matching ')' for '(', after marker expression", open, position);
            }
            position++;
            if (atom instanceof MarkerNode.Junction junction) {
                atom = junction.withGrouped(true);
            }
        } else {
            atom = item();
        }
        skipWhitespace();
        return atom;
    }

    /** Either side of a comparison: a variable or a decoded quoted string. */
    private record Operand(Optional<MarkerVariable> variable, String value) {
    }

    private MarkerExpression item() {
        skipWhitespace();
        int start = position;
        Operand left = operand();
        skipWhitespace();
        MarkerOperator operator = operator();
        skipWhitespace();
        Operand right = operand();
        int end = position;
        skipWhitespace();
        if (left.variable().isPresent() == right.variable().isPresent()) {
            throw error(left.variable().isPresent()
                    ? "Expected a quoted string, not a second marker variable, in a comparison"
                    : "Expected a marker variable on one side of a comparison of two quoted strings",
                    start, end);
        }
        boolean variableOnLeft = left.variable().isPresent();
        MarkerVariable variable = variableOnLeft ? left.variable().get() : right.variable().get();
        String value = variableOnLeft ? right.value() : left.value();
        if (variable == MarkerVariable.EXTRA) {
            value = Grammar.canonicalize(value);
        }
        if (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0) {
            throw error("A marker value cannot contain both ' and \"", start, end);
        }
        return new MarkerExpression(variable, operator, value, variableOnLeft);
    }

    private Operand operand() {
        Optional<Token> variable = read(Grammar.VARIABLE);
        if (variable.isPresent()) {
            return new Operand(MarkerVariable.fromName(variable.get().text()), "");
        }
        Optional<Token> quoted = read(Grammar.QUOTED_STRING);
        if (quoted.isPresent()) {
            String text = quoted.get().text();
            String value = QuotedString.decode(text.substring(1, text.length() - 1)).orElseThrow(
                    () -> error("Invalid quoted string", quoted.get().start(), quoted.get().end()));
            return new Operand(Optional.empty(), value);
        }
        throw error("Expected a marker variable or quoted string");
    }

    private MarkerOperator operator() {
        if (read(Grammar.IN).isPresent()) {
            return MarkerOperator.IN;
        }
        if (read(Grammar.NOT).isPresent()) {
            read(Grammar.WHITESPACE).orElseThrow(() -> error("Expected whitespace after 'not'"));
            read(Grammar.IN).orElseThrow(() -> error("Expected 'in' after 'not'"));
            return MarkerOperator.NOT_IN;
        }
        return read(Grammar.OPERATOR)
                .map(token -> MarkerOperator.fromSymbol(token.text()))
                .orElseThrow(() -> error(
                        "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in"));
    }

    // ---------------------------------------------------------------- scanning

    private void skipWhitespace() {
        read(Grammar.WHITESPACE);
    }

    /** End of input, or only a final newline left (Python's {@code $}). */
    private boolean atEnd() {
        return position == source.length()
                || (position == source.length() - 1 && source.charAt(position) == '\n');
    }

    private void expectEnd(String expected) {
        if (!atEnd()) {
            throw error("Expected " + expected);
        }
    }

    private boolean peekChar(char c) {
        return position < source.length() && source.charAt(position) == c;
    }

    private Optional<Token> peek(Pattern pattern) {
        Matcher matcher = pattern.matcher(source);
        matcher.region(position, source.length());
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new Token(matcher.group(), position));
    }

    private Optional<Token> read(Pattern pattern) {
        Optional<Token> token = peek(pattern);
        token.ifPresent(t -> position = t.end());
        return token;
    }

    private Pep508Exception error(String message) {
        return error(message, position, position);
    }

    private Pep508Exception error(String message, int start, int end) {
        return new Pep508Exception(message, source, start, end - start);
    }
}
