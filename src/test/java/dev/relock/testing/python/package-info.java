/**
 * Test support for running the machine's Python and pip against relock's output, isolated from
 * the machine's pip configuration; tests skip when the tools are missing.
 */
package dev.relock.testing.python;
