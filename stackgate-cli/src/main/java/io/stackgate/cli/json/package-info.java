/**
 * A small JSON codec for the wire model (snake_case records), chosen over Jackson for
 * start-up time.
 */
package io.stackgate.cli.json;
