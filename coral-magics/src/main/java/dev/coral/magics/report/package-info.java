/**
 * Repository reports as Tablesaw tables ({@link dev.coral.magics.report.CoralReports}) and their HTML view
 * ({@link dev.coral.magics.report.TableView}, which renders any {@code Table}). The storage and dedup
 * reports share one walk of history ({@link dev.coral.magics.report.StorageHistory}) that attributes each
 * stored content to the first commit holding it. Byte columns hold exact byte counts and end in
 * {@code _bytes}; the HTML view shows them in binary units.
 */
package dev.coral.magics.report;
