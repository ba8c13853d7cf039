/** What operators read: the metric names of the service-level indicators, and their latency histograms. */
@NullMarked
package cn.shanghai.residence.gateway.observability;

import org.jspecify.annotations.NullMarked;
