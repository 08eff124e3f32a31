// Package normalize rewrites a Seam OpenAPI document so that oapi-codegen v2
// can generate compilable, well-named Go code from it.
//
// Every rule is structural: it looks at the shape of schemas (discriminated
// unions with inline members, defaults inside allOf members, nullable
// additionalProperties next to properties, ...) and never at a Seam schema or
// path name, so the same rules keep working when Seam publishes a new spec.
//
// Names of lifted schemas are derived from where a schema sits (its owner's
// name and property path) and from the values that identify a union member
// (its discriminator value), never from its position in a list, so they stay
// stable when Seam adds or reorders union members.
package normalize
