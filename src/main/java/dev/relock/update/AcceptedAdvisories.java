package dev.relock.update;

import dev.relock.advisory.Advisory;
import dev.relock.advisory.AdvisorySource;
import dev.relock.advisory.Pin;
import dev.relock.advisory.VulnIgnore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An advisory source without the advisories the project accepts ({@code --ignore-vuln},
 * {@code ignore-vulns} in {@code [tool.relock]}) until their expiry: the update bot neither fixes
 * nor lists them, as {@code verify --audit} does not report them. An expired ignore accepts
 * nothing.
 */
public final class AcceptedAdvisories implements AdvisorySource {
    private final AdvisorySource source;
    private final List<VulnIgnore> ignores;
    private final LocalDate today;

    public AcceptedAdvisories(AdvisorySource source, List<VulnIgnore> ignores, LocalDate today) {
        this.source = Objects.requireNonNull(source, "source");
        this.ignores = List.copyOf(ignores);
        this.today = Objects.requireNonNull(today, "today");
    }

    @Override
    public Map<Pin, List<Advisory>> query(Collection<Pin> pins) {
        Map<Pin, List<Advisory>> out = new LinkedHashMap<>();
        source.query(pins).forEach((pin, advisories) -> out.put(pin, advisories.stream()
                .filter(a -> ignores.stream().noneMatch(i -> i.matches(a) && !i.expiredOn(today))).toList()));
        return out;
    }

    @Override
    public String describe() {
        return source.describe();
    }
}
