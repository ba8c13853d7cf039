package cn.shanghai.residence.gateway.citizen;

import java.util.List;

import cn.shanghai.residence.gateway.upstream.UpstreamFailure;

/**
 * A composed value that may lack an optional input because its agency failed: the value is still worth showing
 * (the endorsement reminder while EMS is down), and the gaps are reported as errors beside it.
 */
record Partial<T>(T value, List<UpstreamFailure> gaps) {
}
