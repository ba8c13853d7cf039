/** Police (公安人口管理): registration, permit, applications, dependents. */
@NullMarked
package cn.shanghai.residence.gateway.police;

import org.jspecify.annotations.NullMarked;
