/**
 * The node's configuration file ({@code chm-node serve --config chm-node.yaml}, docs/EXCHANGE.md
 * "Configuration file"): immutable records of its sections, validated when they are built, and
 * {@link org.chmexchange.node.config.ConfigFile#load(java.nio.file.Path)}, which reads the YAML
 * strictly (an unknown or repeated key is an error naming the key and its line).
 */
package org.chmexchange.node.config;
