package seam

import "github.com/seamgo/seam-go/gen"

// Version is the version of this SDK. It is sent to the Seam API in the
// User-Agent and, with the spec it was generated from, in the
// seam-sdk-version header (see SDKVersionHeader).
const Version = "0.1.0"

// SDKName identifies this SDK to the Seam API in the seam-sdk-name header.
const SDKName = "seam-go"

// SpecSHA256 is the SHA-256 of the OpenAPI spec the gen package was
// generated from (see gen.SpecSource for where it came from).
const SpecSHA256 = gen.SpecSHA256

// SDKVersionHeader returns the value of the seam-sdk-version header:
// Version, with the first 12 hex digits of SpecSHA256 as semver build
// metadata, e.g. "0.1.0+spec.0ab8158020be".
func SDKVersionHeader() string {
	return Version + "+spec." + SpecSHA256[:min(12, len(SpecSHA256))]
}
