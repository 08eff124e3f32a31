package specsource

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// specInfo is what the minimal validation learns about a spec.
type specInfo struct {
	version string
	paths   int
}

// inspect checks that raw is a JSON object with an OpenAPI 3.x version and a
// non-empty "paths" object. source is only used in error messages.
func inspect(raw []byte, source string) (specInfo, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return specInfo{}, fmt.Errorf("spec from %s is not a JSON object (starts with %q)", source, preview(trimmed))
	}
	var top struct {
		OpenAPI json.RawMessage            `json:"openapi"`
		Paths   map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(trimmed, &top); err != nil {
		return specInfo{}, fmt.Errorf("spec from %s is not a valid JSON object: %w", source, err)
	}
	var version string
	if err := json.Unmarshal(top.OpenAPI, &version); err != nil || !strings.HasPrefix(version, "3.") {
		return specInfo{}, fmt.Errorf("spec from %s is not OpenAPI 3.x: top-level \"openapi\" is %s", source, describe(top.OpenAPI))
	}
	if len(top.Paths) == 0 {
		return specInfo{}, fmt.Errorf("spec from %s has no paths", source)
	}
	return specInfo{version: version, paths: len(top.Paths)}, nil
}

// preview returns the first few bytes of b, for error messages.
func preview(b []byte) string {
	const n = 40
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}

// describe renders a raw JSON value for an error message.
func describe(v json.RawMessage) string {
	if len(v) == 0 {
		return "missing"
	}
	return preview(v)
}
