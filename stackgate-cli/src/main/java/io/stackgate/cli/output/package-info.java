/**
 * Output formats ({@code -f table|json|yaml|value}) and column selection ({@code -c}),
 * shaped like python-openstackclient's.
 */
package io.stackgate.cli.output;
