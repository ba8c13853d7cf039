/** One language per answer: message keys with arguments, the bundles they come from and the language a request asks for. */
@NullMarked
package cn.shanghai.residence.gateway.i18n;

import org.jspecify.annotations.NullMarked;
