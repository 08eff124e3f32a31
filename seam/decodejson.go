package seam

import (
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// unmarshal decodes the JSON data into v: every answer, action attempt and
// event this package reads goes through it.
//
// It is encoding/json's Unmarshal, with the same semantics (case-insensitive
// names, the last of duplicate names wins, invalid UTF-8 replaced, the
// Unmarshaler methods of gen/ and nullable called as encoding/json calls
// them), run by the encoding/json/v2 implementation that
// github.com/go-json-experiment/json mirrors: on Go 1.27, where
// encoding/json/v2 is part of the standard library, that module is an alias
// of it. It decodes the generated types in one pass where encoding/json
// validates the whole input first, then decodes it: on 50 devices (the
// list50 benchmark, docs/performance.md) about 25 % less time and half the
// allocations.
func unmarshal(data []byte, v any) error {
	return jsonv1.Unmarshal(data, v)
}
