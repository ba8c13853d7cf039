/** Shanghai facts with no dependencies: districts, ID numbers, masking, addresses, guardianship. */
@NullMarked
package cn.shanghai.residence.gateway.reference;

import org.jspecify.annotations.NullMarked;
