/**
 * gfplint's rules. Each rule is one class with its metadata beside it and asks analyzer-core's allocator
 * model its questions; none matches flag names as text. The rules arrive with the model (issue: rules).
 */
package dev.gfplint.rules;
