/**
 * Uploads a resident makes beside the mutations: a permit photo (to bdc) and materials (to police). Every byte is
 * checked and stripped of metadata at the edge, before any agency is called.
 */
@NullMarked
package cn.shanghai.residence.gateway.upload;

import org.jspecify.annotations.NullMarked;
