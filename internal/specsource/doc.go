// Package specsource fetches the Seam Connect OpenAPI spec from one of several
// sources (the published URL, a local file or the @seamapi/types npm package),
// formats it canonically and records where it came from, so that the
// committed spec and its metadata only change when the spec itself changes.
package specsource
