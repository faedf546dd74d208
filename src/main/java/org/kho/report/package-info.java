/**
 * Reports for people: HTML and PDF in Vietnamese and English, the base the wipe certificate, drill
 * reports and compliance reports share.
 *
 * <p>{@link org.kho.report.Templates} renders Pebble templates ({@code templates/*.peb}, HTML
 * escaped) with the texts of one {@link org.kho.report.Language} ({@code messages_vi.properties},
 * {@code messages_en.properties}, no fallback from one to the other); {@link org.kho.report.Pdf}
 * turns the XHTML into PDF with openhtmltopdf and the DejaVu fonts (Vietnamese glyphs) of the
 * system. {@link org.kho.report.WipeCertificateReport} renders a wipe certificate,
 * {@link org.kho.report.DrillReportRenderer} a drill report; {@link org.kho.report.DrillCoverage} sums up
 * what drills have proven per plan and item;
 * {@link org.kho.report.ComplianceReport} (computed by the {@code app} package's compliance service
 * for a {@link org.kho.report.ReportPeriod}) and {@link org.kho.report.PeriodicReport} are rendered by
 * {@link org.kho.report.ComplianceDocuments}, with charts drawn as CSS bars, and written as JSON by
 * {@link org.kho.report.ReportJson}. Imports the engines,
 * {@code evidence}, {@code catalogue} and {@code core}.
 */
package org.kho.report;
