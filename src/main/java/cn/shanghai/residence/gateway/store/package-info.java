/**
 * What replicas must share (ARCHITECTURE.md's ground floor): idempotency keys, rate-limit budgets and the news that a
 * person's data changed, each behind one interface with an in-memory implementation (the default, one gateway) and a
 * Redis one ({@code gateway.store=redis}).
 */
@NullMarked
package cn.shanghai.residence.gateway.store;

import org.jspecify.annotations.NullMarked;
