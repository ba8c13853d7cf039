/** Police (公安人口管理): registration, permit, applications, dependents, attachments. */
@NullMarked
package cn.shanghai.residence.gateway.police;

import org.jspecify.annotations.NullMarked;
