/**
 * The {@code kho} command line (picocli): each command holds its options, builds a request, calls
 * one {@code app} service and renders the result as text or {@code --json}. Exit codes are mapped
 * in one place, {@link org.kho.cli.ExitCodes}. The only package that imports picocli.
 */
package org.kho.cli;
