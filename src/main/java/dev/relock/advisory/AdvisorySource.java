package dev.relock.advisory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where known vulnerabilities come from: the OSV API ({@link OsvApiSource}) or an OSV database on disk ({@link OsvDatabaseSource}). */
public interface AdvisorySource {

    /**
     * The advisories affecting each pin: every pin of {@code pins} is a key (with an empty list
     * when nothing affects it). Withdrawn advisories are left out.
     *
     * @throws AdvisoryException when the data cannot be had (never answered with "no advisories")
     */
    Map<Pin, List<Advisory>> query(Collection<Pin> pins) throws AdvisoryException;

    /** Where the data comes from, for messages, e.g. {@code https://api.osv.dev} or a file. */
    String describe();
}
