/** Pieces every layer shares: the user-facing exception type. Depends on nothing. */
package dev.relock.common;
