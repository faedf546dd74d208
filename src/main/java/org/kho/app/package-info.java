/**
 * The composition root and the use-case services the CLI and the daemon call: each service takes
 * a request, does one job with the engines, and returns a result record to render. The only
 * package that names concrete classes of the others.
 */
package org.kho.app;
