package specsource

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// DefaultURL is the published location of the Seam Connect OpenAPI spec.
const DefaultURL = "https://connect.getseam.com/openapi.json"

// EnvVar names the environment variable that selects the spec source.
const EnvVar = "SEAM_OPENAPI_SOURCE"

// DefaultTimeout bounds a whole pull when Options.Timeout is zero.
const DefaultTimeout = 60 * time.Second

// DefaultMaxBytes caps the size of the raw spec when Options.MaxBytes is zero.
const DefaultMaxBytes int64 = 64 << 20

const (
	filePrefix = "file:"
	npmPrefix  = "npm:"
)

// sourceHint tells the user how to pull the spec from somewhere else.
const sourceHint = "set " + EnvVar + " to file:PATH or npm:@seamapi/types@VERSION to pull the spec from elsewhere"

// Options tunes a pull. The zero value is ready to use.
type Options struct {
	// Timeout bounds the whole pull: the HTTP request and body, or npm pack
	// plus node. Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes caps the raw spec (HTTP body, file, node output). Zero means
	// DefaultMaxBytes.
	MaxBytes int64
	// NPM is the npm executable (name looked up in PATH, or a path). Empty
	// means "npm".
	NPM string
	// Node is the node executable (name looked up in PATH, or a path). Empty
	// means "node".
	Node string
	// NPMRegistry is the base URL of the npm registry that npm pack pulls
	// from, such as a local one in tests. Empty means npm's own setting.
	NPMRegistry string
}

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Result is a pulled, validated and canonically formatted spec.
type Result struct {
	// Canonical is the spec in canonical form (see Canonicalize).
	Canonical []byte
	// SHA256 is the lowercase hex SHA-256 of Canonical.
	SHA256 string
	// Source says where the spec came from: a URL, file:PATH, or
	// npm:NAME@VERSION with the version npm resolved.
	Source string
	// OpenAPIVersion is the spec's top-level "openapi" field, e.g. "3.0.0".
	OpenAPIVersion string
	// Paths is the number of entries in the spec's "paths" object.
	Paths int
}

// Pull fetches the spec from source, validates it minimally and returns it in
// canonical form. source is an http(s) URL, "file:PATH" (relative to the
// working directory) or "npm:SPEC" (an npm package spec such as
// "@seamapi/types@1.977.0" or "@seamapi/types@latest"). An empty source means
// DefaultURL. Pull writes nothing outside a temporary directory it removes.
func Pull(ctx context.Context, source string, opts Options) (*Result, error) {
	if source == "" {
		source = DefaultURL
	}
	ctx, cancel := context.WithTimeout(ctx, opts.timeout())
	defer cancel()

	var (
		raw      []byte
		resolved string
		err      error
	)
	switch {
	case strings.HasPrefix(source, "http://"), strings.HasPrefix(source, "https://"):
		raw, resolved, err = pullHTTP(ctx, source, opts)
	case strings.HasPrefix(source, filePrefix):
		raw, resolved, err = pullFile(strings.TrimPrefix(source, filePrefix), opts)
	case strings.HasPrefix(source, npmPrefix):
		raw, resolved, err = pullNPM(ctx, strings.TrimPrefix(source, npmPrefix), opts)
	default:
		return nil, fmt.Errorf("unsupported spec source %q: want an http(s) URL, file:PATH or npm:@seamapi/types@VERSION", source)
	}
	if err != nil {
		return nil, err
	}
	return newResult(raw, resolved)
}

// newResult validates raw and builds the Result for it.
func newResult(raw []byte, source string) (*Result, error) {
	info, err := inspect(raw, source)
	if err != nil {
		return nil, err
	}
	canonical, err := Canonicalize(raw)
	if err != nil {
		return nil, fmt.Errorf("spec from %s: %w", source, err)
	}
	sum := sha256.Sum256(canonical)
	return &Result{
		Canonical:      canonical,
		SHA256:         hex.EncodeToString(sum[:]),
		Source:         source,
		OpenAPIVersion: info.version,
		Paths:          info.paths,
	}, nil
}
