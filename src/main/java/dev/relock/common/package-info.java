/** Pieces every layer shares: the user-facing exception type, input excerpts for messages. Depends on nothing. */
package dev.relock.common;
