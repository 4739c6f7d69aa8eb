package dev.relock.hosting;

/** A pull request for the same head and base is already open (GitHub's 422), for example opened by a racing run. */
public final class PullRequestExistsException extends HostingException {
    private static final long serialVersionUID = 1L;

    public PullRequestExistsException(String message) {
        super(422, message);
    }
}
