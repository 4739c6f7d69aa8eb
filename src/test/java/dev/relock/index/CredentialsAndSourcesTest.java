package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relock.common.RelockException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CredentialsAndSourcesTest {
    @TempDir
    Path dir;

    static Stream<Arguments> redactions() {
        return Stream.of(
                Arguments.of("https://user:s3cret@host/simple/", "https://****@host/simple/"),
                Arguments.of("failed: http://tok@h:8080/x and https://a:b@c/", "failed: http://****@h:8080/x and https://****@c/"),
                Arguments.of("https://host/simple/?a=b@c", "https://host/simple/?a=b@c"),
                Arguments.of("no url here", "no url here"));
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @MethodSource("redactions")
    void credentialsInUrlsAreMasked(String text, String expected) {
        assertThat(UrlRedaction.redact(text)).isEqualTo(expected);
    }

    @Test
    void cacheKeysDropCredentialsEntirely() {
        assertThat(UrlRedaction.withoutUserinfo("https://user:s3cret@host/files/a.whl#sha256=00"))
                .isEqualTo("https://host/files/a.whl#sha256=00");
    }

    static Stream<Arguments> netrcs() {
        return Stream.of(
                Arguments.of("machine a.example login alice password pw1\nmachine b.example login bob password pw2",
                        "b.example", Optional.of(new Credentials("bob", "pw2"))),
                Arguments.of("machine a.example\n  login alice\n  password pw1\ndefault login anon password x",
                        "other.example", Optional.of(new Credentials("anon", "x"))),
                Arguments.of("macdef init\ncd /pub\n\nmachine A.Example login alice password pw1",
                        "a.example", Optional.of(new Credentials("alice", "pw1"))),
                Arguments.of("# comment\nmachine a.example login alice password pw1", "b.example", Optional.empty()));
    }

    @ParameterizedTest(name = "netrc entry for {1}")
    @MethodSource("netrcs")
    void netrcEntriesAreFoundByHost(String netrc, String host, Optional<Credentials> expected) {
        assertThat(Netrc.parse(netrc).forHost(host)).isEqualTo(expected);
    }

    @Test
    void urlUserinfoBecomesCredentialsAndLeavesTheSourceUrl() {
        IndexSources sources = IndexSources.builder().indexUrl("https://al%40ice:p%3Ass@private.example/simple").build();
        assertThat(sources.indexes()).extracting(IndexSource::url)
                .containsExactly(URI.create("https://private.example/simple/"));
        assertThat(sources.credentialsFor(URI.create("https://private.example/files/a.whl")))
                .contains(new Credentials("al@ice", "p:ss"));
        assertThat(sources.credentialsFor(URI.create("https://pypi.org/simple/"))).isEmpty();
    }

    @Test
    void environmentCredentialsApplyOnlyToConfiguredIndexHosts() {
        IndexSources sources = IndexSources.builder()
                .indexUrl("https://private.example/simple/")
                .environment(Map.of("RELOCK_INDEX_USERNAME", "ci", "RELOCK_INDEX_PASSWORD", "token"))
                .build();
        assertThat(sources.credentialsFor(URI.create("https://private.example/simple/a/")))
                .contains(new Credentials("ci", "token"));
        assertThat(sources.credentialsFor(URI.create("https://elsewhere.example/a.whl"))).isEmpty();
    }

    @Test
    void urlCredentialsBeatEnvironmentWhichBeatsNetrc() throws IOException {
        Path netrc = Files.writeString(dir.resolve("netrc"),
                "machine a.example login n password n\nmachine b.example login n password n\n"
                        + "machine c.example login n password n\n");
        IndexSources sources = IndexSources.builder()
                .indexUrl("https://u:u@a.example/simple/")
                .extraIndexUrl("https://b.example/simple/")
                .environment(Map.of("RELOCK_INDEX_USERNAME", "e", "RELOCK_INDEX_PASSWORD", "e"))
                .netrcFile(netrc)
                .build();
        assertThat(sources.credentialsFor(URI.create("https://a.example/x"))).contains(new Credentials("u", "u"));
        assertThat(sources.credentialsFor(URI.create("https://b.example/x"))).contains(new Credentials("e", "e"));
        assertThat(sources.credentialsFor(URI.create("https://c.example/x"))).contains(new Credentials("n", "n"));
    }

    @Test
    void pypiIsTheDefaultAndNoIndexLeavesOnlyFindLinks() throws IOException {
        assertThat(IndexSources.builder().build().indexes()).extracting(IndexSource::url)
                .containsExactly(IndexSources.PYPI);
        Path wheels = Files.createDirectory(dir.resolve("wheels"));
        IndexSources offlineOnly = IndexSources.builder().noIndex(true).findLinks(wheels.toString())
                .findLinks("https://example.org/links.html").build();
        assertThat(offlineOnly.indexes()).isEmpty();
        assertThat(offlineOnly.findLinks()).extracting(IndexSource::kind)
                .containsExactly(IndexSource.Kind.FIND_LINKS_DIRECTORY, IndexSource.Kind.FIND_LINKS_PAGE);
    }

    @Test
    void badOptionsAreBadInputWithoutTheirPassword() {
        assertThatThrownBy(() -> IndexSources.builder().indexUrl("ftp://u:hunter2@host/simple/"))
                .isInstanceOf(RelockException.class)
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("ftp://****@host/simple/")
                .extracting(e -> ((RelockException) e).kind()).isEqualTo(RelockException.Kind.BAD_INPUT);
        assertThatThrownBy(() -> IndexSources.builder().findLinks(dir.resolve("missing").toString()))
                .isInstanceOf(RelockException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        assertThat(new Credentials("alice", "hunter2").toString()).doesNotContain("hunter2").doesNotContain("alice");
    }
}
