/** The HTTP and GraphQL edge: GraphQL over HTTP, limits, typed errors, scalars, request ids and deadlines. */
@NullMarked
package cn.shanghai.residence.gateway.web;

import org.jspecify.annotations.NullMarked;
