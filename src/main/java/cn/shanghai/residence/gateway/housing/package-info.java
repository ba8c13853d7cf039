/** The housing authority (房屋管理局): properties, rental contracts, and which of them proves a residence. */
@NullMarked
package cn.shanghai.residence.gateway.housing;

import org.jspecify.annotations.NullMarked;
