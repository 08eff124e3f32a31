// Package pipeline pulls the Seam OpenAPI spec, normalizes it and generates
// the gen package from it with oapi-codegen, writing nothing unless every
// step succeeded.
package pipeline
