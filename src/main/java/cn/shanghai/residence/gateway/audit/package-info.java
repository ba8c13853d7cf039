/** The access audit trail: one JSON line per GraphQL operation that read or wrote a person's data. */
@NullMarked
package cn.shanghai.residence.gateway.audit;

import org.jspecify.annotations.NullMarked;
