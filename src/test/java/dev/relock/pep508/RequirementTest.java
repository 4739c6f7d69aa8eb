package dev.relock.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relock.common.RelockException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequirementTest {

    /** input, name, extras, specifiers, url ("" = none), marker, packaging's normalized str. */
    static Stream<Arguments> validRequirements() {
        return Stream.of(
                Arguments.of("requests", "requests", List.of(), "", "", "", "requests"),
                Arguments.of("  requests  ", "requests", List.of(), "", "", "", "requests"),
                Arguments.of("Requests_OAuthlib>=1.0", "requests-oauthlib", List.of(), ">=1.0", "", "",
                        "requests-oauthlib>=1.0"),
                Arguments.of("requests[socks]", "requests", List.of("socks"), "", "", "", "requests[socks]"),
                Arguments.of("requests[ socks , security ]", "requests", List.of("security", "socks"), "", "", "",
                        "requests[security,socks]"),
                Arguments.of("requests[security,socks,Security]", "requests", List.of("security", "socks"), "", "",
                        "", "requests[security,socks]"),
                Arguments.of("requests [socks] >= 2.0", "requests", List.of("socks"), ">=2.0", "", "",
                        "requests[socks]>=2.0"),
                Arguments.of("requests (>=2.0,<3)", "requests", List.of(), "<3,>=2.0", "", "", "requests<3,>=2.0"),
                Arguments.of("requests( >= 2.0 , < 3 )", "requests", List.of(), "<3,>=2.0", "", "",
                        "requests<3,>=2.0"),
                Arguments.of("requests>=2.0,", "requests", List.of(), ">=2.0", "", "", "requests>=2.0"),
                Arguments.of("requests==2.*", "requests", List.of(), "==2.*", "", "", "requests==2.*"),
                Arguments.of("requests===foobar", "requests", List.of(), "===foobar", "", "", "requests===foobar"),
                Arguments.of("requests ~= 2.31", "requests", List.of(), "~=2.31", "", "", "requests~=2.31"),
                Arguments.of("requests==1.0+local", "requests", List.of(), "==1.0+local", "", "",
                        "requests==1.0+local"),
                Arguments.of("requests>=2.0;python_version<'3.8'", "requests", List.of(), ">=2.0", "",
                        "python_version < \"3.8\"", "requests>=2.0; python_version < \"3.8\""),
                Arguments.of("requests >=2.0 ; python_version < '3.8' and extra == 'Socks_Extra'", "requests",
                        List.of(), ">=2.0", "", "python_version < \"3.8\" and extra == \"socks-extra\"",
                        "requests>=2.0; python_version < \"3.8\" and extra == \"socks-extra\""),
                Arguments.of("pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee", "pip", List.of(),
                        "", "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee", "",
                        "pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee"),
                Arguments.of("pip @ file:///tmp/pip.whl ; sys_platform == 'win32'", "pip", List.of(), "",
                        "file:///tmp/pip.whl", "sys_platform == \"win32\"",
                        "pip @ file:///tmp/pip.whl ; sys_platform == \"win32\""),
                Arguments.of("pip@file:///tmp/pip.whl", "pip", List.of(), "", "file:///tmp/pip.whl", "",
                        "pip @ file:///tmp/pip.whl"),
                Arguments.of("pip[Extra_One] @ file:///tmp/pip.whl   ", "pip", List.of("extra-one"), "",
                        "file:///tmp/pip.whl", "", "pip[extra-one] @ file:///tmp/pip.whl"),
                Arguments.of("pip @ http://x/y;python_version<'3'", "pip", List.of(), "",
                        "http://x/y;python_version<'3'", "", "pip @ http://x/y;python_version<'3'"),
                Arguments.of("name[quux, strange];python_version<'2.7' and platform_version=='2'", "name",
                        List.of("quux", "strange"), "", "",
                        "python_version < \"2.7\" and platform_version == \"2\"",
                        "name[quux,strange]; python_version < \"2.7\" and platform_version == \"2\""),
                Arguments.of("foo\t>=1\t;\tos_name=='posix'", "foo", List.of(), ">=1", "", "os_name == \"posix\"",
                        "foo>=1; os_name == \"posix\""),
                Arguments.of("foo; (os_name == 'a' or os_name == 'b') and python_version >= '3'", "foo", List.of(),
                        "", "", "(os_name == \"a\" or os_name == \"b\") and python_version >= \"3\"",
                        "foo; (os_name == \"a\" or os_name == \"b\") and python_version >= \"3\""),
                Arguments.of("foo; os.name == 'posix' or python_implementation == 'CPython'", "foo", List.of(), "",
                        "", "os_name == \"posix\" or platform_python_implementation == \"CPython\"",
                        "foo; os_name == \"posix\" or platform_python_implementation == \"CPython\""),
                Arguments.of("foo\n", "foo", List.of(), "", "", "", "foo"));
    }

    @ParameterizedTest
    @MethodSource("validRequirements")
    void validRequirementIsSplitIntoItsPartsAndPrintedNormalized(String input, String name, List<String> extras,
            String specifiers, String url, String marker, String printed) {
        Requirement requirement = Requirement.parse(input);

        assertThat(requirement.name()).hasToString(name);
        assertThat(requirement.extras()).map(Object::toString).containsExactlyElementsOf(extras);
        assertThat(requirement.specifiers()).hasToString(specifiers);
        assertThat(requirement.url()).isEqualTo(url.isEmpty() ? Optional.empty() : Optional.of(url));
        assertThat(requirement.marker()).hasToString(marker);
        assertThat(requirement.marker().isTrue()).isEqualTo(marker.isEmpty());
        assertThat(requirement).hasToString(printed);
        assertThat(Requirement.parse(printed)).isEqualTo(requirement);
        assertThat(Requirement.tryParse(input)).contains(requirement);
    }

    /** input, packaging's message (bracket names spelled as characters), span start, span end. */
    static Stream<Arguments> invalidRequirements() {
        return Stream.of(
                Arguments.of("", "Expected package name at the start of dependency specifier", 0, 0),
                Arguments.of("   ", "Expected package name at the start of dependency specifier", 3, 3),
                Arguments.of("-foo", "Expected package name at the start of dependency specifier", 0, 0),
                Arguments.of("foo-", "Expected semicolon (after name with no version specifier) or end", 3, 3),
                Arguments.of("foo >=1.0 <2",
                        "Expected comma (within version specifier), semicolon (after version specifier) or end", 4,
                        10),
                Arguments.of("foo ~=1", "Expected semicolon (after name with no version specifier) or end", 4, 4),
                Arguments.of("foo (>=1.0", "Expected matching ')' for '(', after version specifier", 4, 10),
                Arguments.of("foo[bar", "Expected matching ']' for '[', after extras", 3, 7),
                Arguments.of("foo[bar baz]", "Expected comma between extra names", 8, 8),
                Arguments.of("foo[bar,]", "Expected extra name after comma", 8, 8),
                Arguments.of("foo @", "Expected URL after @", 5, 5),
                Arguments.of("foo @ http://x y", "Expected semicolon (after URL and whitespace) or end", 6, 15),
                Arguments.of("foo @ http://x ;", "Expected a marker variable or quoted string", 16, 16),
                Arguments.of("foo>=1.0.*", ".* suffix can only be used with `==` or `!=` operators", 3, 9),
                Arguments.of("foo==1.0a1.*", ".* suffix cannot be used after pre-release, post-release, "
                        + "developmental release, or local version labels", 3, 11),
                Arguments.of("foo>=1.0+local", "Local version label can only be used with `==` or `!=` operators",
                        3, 8),
                Arguments.of("foo;", "Expected a marker variable or quoted string", 4, 4),
                Arguments.of("foo; os_name",
                        "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in", 12, 12),
                Arguments.of("foo; os_name =! 'a'",
                        "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in", 13, 13),
                Arguments.of("foo; os_name not 'a'", "Expected 'in' after 'not'", 17, 17),
                Arguments.of("foo; os_name == 'a' garbage", "Expected end of dependency specifier", 20, 20),
                Arguments.of("foo; (os_name == 'a'", "Expected matching ')' for '(', after marker expression", 5,
                        20),
                Arguments.of("foo; bar == 'a'", "Expected a marker variable or quoted string", 5, 5),
                Arguments.of("foo; os_name == 'a' and", "Expected a marker variable or quoted string", 23, 23),
                Arguments.of("foo; os_name == \"C:\\\"", "Invalid quoted string", 16, 21));
    }

    @ParameterizedTest
    @MethodSource("invalidRequirements")
    void malformedRequirementIsReportedWithPackagingsMessageAndSpan(String input, String reason, int start,
            int end) {
        Pep508Exception error = catchThrowableOfType(() -> Requirement.parse(input), Pep508Exception.class);

        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.input()).isEqualTo(input);
        assertThat(error.offset()).isEqualTo(start);
        assertThat(error.length()).isEqualTo(end - start);
        assertThat(error.kind()).isEqualTo(RelockException.Kind.BAD_INPUT);
        assertThat(error.getMessage()).isEqualTo(reason + " at column " + (start + 1));
        assertThat(Requirement.tryParse(input)).isEmpty();
    }

    @Test
    void caretDisplayUnderlinesTheOffendingSpan() {
        Pep508Exception error = catchThrowableOfType(() -> Requirement.parse("foo (>=1.0"), Pep508Exception.class);

        assertThat(error.caretDisplay()).isEqualTo("foo (>=1.0\n    ^~~~~~");
        assertThat(error.column()).isEqualTo(5);
    }

    @Test
    void caretDisplayOfAnEmptySpanIsASingleCaret() {
        Pep508Exception error = catchThrowableOfType(() -> Requirement.parse("foo[bar,]"), Pep508Exception.class);

        assertThat(error.caretDisplay()).isEqualTo("foo[bar,]\n        ^");
    }

    @Test
    void nameEndingInUnderscoreIsRejectedAsAnInvalidName() {
        Pep508Exception error = catchThrowableOfType(() -> Requirement.parse("foo_ >=1"), Pep508Exception.class);

        assertThat(error.reason()).isEqualTo("Invalid package name 'foo_'");
        assertThat(error.offset()).isZero();
        assertThat(error.length()).isEqualTo(4);
    }

    @Test
    void recordCanonicalizesExtrasAndRejectsUrlWithSpecifiers() {
        Requirement parsed = Requirement.parse("foo[b,a]");
        Requirement rebuilt = new Requirement(parsed.name(), List.of(parsed.extras().get(1), parsed.extras().get(0),
                parsed.extras().get(1)), parsed.specifiers(), Optional.empty(), MarkerTree.TRUE);

        assertThat(rebuilt).isEqualTo(parsed);
        assertThat(catchThrowableOfType(() -> new Requirement(parsed.name(), List.of(),
                Requirement.parse("foo>=1").specifiers(), Optional.of("https://x/y"), MarkerTree.TRUE),
                IllegalArgumentException.class)).isNotNull();
    }
}
