/** The one mechanism every agency uses: resources (single and bulk), guards, caches, freshness, failure classification. */
@NullMarked
package cn.shanghai.residence.gateway.upstream;

import org.jspecify.annotations.NullMarked;
