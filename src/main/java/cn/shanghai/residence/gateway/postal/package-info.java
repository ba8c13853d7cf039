/** EMS (中国邮政): parcel tracking, always in bulk. */
@NullMarked
package cn.shanghai.residence.gateway.postal;

import org.jspecify.annotations.NullMarked;
