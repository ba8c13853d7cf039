/** Live progress (issue 13): subscriptions fed by one shared poller per thing watched, with resume and limits. */
@NullMarked
package cn.shanghai.residence.gateway.live;

import org.jspecify.annotations.NullMarked;
