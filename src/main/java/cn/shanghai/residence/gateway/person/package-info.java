/** The GraphQL parent types every agency's fields hang on, kept below the agencies so none imports another floor. */
@NullMarked
package cn.shanghai.residence.gateway.person;

import org.jspecify.annotations.NullMarked;
