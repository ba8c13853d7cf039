/**
 * The living sandbox's world (issue 12): a WireMock extension of our own that remembers what residents did and
 * moves it on a sandbox clock. Compiled into the gateway by the build and by {@code stubs/run.sh} with javac
 * against the WireMock standalone jar alone, so it uses nothing but WireMock and the JDK (hence no
 * {@code @NullMarked} here: JSpecify is not in that jar; nullable results are named in the Javadoc).
 */
package cn.shanghai.residence.stubs.world;
