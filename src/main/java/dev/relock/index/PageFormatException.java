package dev.relock.index;

/** A project page's body could not be read; the client turns it into a NETWORK error naming the URL. */
final class PageFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PageFormatException(String message) {
        super(message);
    }
}
