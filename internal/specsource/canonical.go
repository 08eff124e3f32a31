package specsource

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Canonicalize re-emits the JSON document raw in canonical form: object keys
// sorted, two-space indentation, no HTML escaping, numbers exactly as written,
// and a trailing newline. Documents with the same content give byte-identical
// output whatever their key order or whitespace.
func Canonicalize(raw []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("parse JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("parse JSON: unexpected data after the top-level value")
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode JSON: %w", err)
	}
	return out.Bytes(), nil
}
