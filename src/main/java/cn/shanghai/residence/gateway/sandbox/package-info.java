/** Everything only the sandbox has: embedded stubs, demo personas and tokens; never loaded in production. */
@NullMarked
package cn.shanghai.residence.gateway.sandbox;

import org.jspecify.annotations.NullMarked;
