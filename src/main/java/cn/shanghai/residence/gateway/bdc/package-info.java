/** The big-data centre (大数据中心, the 一网通办 platform): profiles, e-licences, photos, service centres. */
@NullMarked
package cn.shanghai.residence.gateway.bdc;

import org.jspecify.annotations.NullMarked;
