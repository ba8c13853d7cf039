/** The service's FAQ, served from memory. */
@NullMarked
package cn.shanghai.residence.gateway.faq;

import org.jspecify.annotations.NullMarked;
