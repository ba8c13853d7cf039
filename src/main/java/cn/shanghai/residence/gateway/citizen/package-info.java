/** Composition: the facts about a resident gathered once, and the pure journey and reminder rules over them. */
@NullMarked
package cn.shanghai.residence.gateway.citizen;

import org.jspecify.annotations.NullMarked;
