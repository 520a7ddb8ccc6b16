/**
 * Support shared by the integration tests of every module: the real cloud they run
 * against, its Keystone, and what they launch from there.
 */
package io.stackgate.itsupport;
