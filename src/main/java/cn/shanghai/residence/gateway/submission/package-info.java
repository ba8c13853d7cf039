/** The application mutations: input checks, facts gathered per kind, pure rules, police forms, idempotent submit. */
@NullMarked
package cn.shanghai.residence.gateway.submission;

import org.jspecify.annotations.NullMarked;
