/** Entry point and start-up failure reporting of the residence-permit gateway. */
@NullMarked
package cn.shanghai.residence.gateway;

import org.jspecify.annotations.NullMarked;
