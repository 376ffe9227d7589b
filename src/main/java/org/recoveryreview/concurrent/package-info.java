/**
 * The job's thread pools: working a list on {@code --jobs} threads with results in list order, used
 * by ingest, analysis and rendering. Kept out of {@code model}, which holds only immutable values.
 */
package org.recoveryreview.concurrent;
