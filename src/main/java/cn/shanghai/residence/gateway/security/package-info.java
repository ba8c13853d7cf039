/** Sign-in (JWT resource server), the signed-in person, per-person rate limits. */
@NullMarked
package cn.shanghai.residence.gateway.security;

import org.jspecify.annotations.NullMarked;
