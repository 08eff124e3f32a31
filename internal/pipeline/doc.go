// Package pipeline pulls the Seam OpenAPI spec, normalizes it and generates
// the gen package from it with oapi-codegen, then the service layer of the
// seam package (seam/services.gen.go, internal/servicegen) from the same
// normalized spec and generated code, writing nothing unless every step
// succeeded.
package pipeline
