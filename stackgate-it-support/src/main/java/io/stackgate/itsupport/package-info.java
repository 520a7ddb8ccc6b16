/**
 * Support shared by the integration tests of every module: the real cloud they run
 * against, its Keystone, what they launch from there, and the gateway jar run as a
 * process.
 */
package io.stackgate.itsupport;
