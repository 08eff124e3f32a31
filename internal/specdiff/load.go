package specdiff

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/getkin/kin-openapi/openapi3"
)

// MaxSpecBytes bounds the size of a spec file read by Load.
const MaxSpecBytes = 64 << 20

// Load reads the OpenAPI document in the file at path and resolves its
// internal references. External references are refused.
func Load(ctx context.Context, path string) (*openapi3.T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open spec: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSpecBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read spec %s: %w", path, err)
	}
	if len(data) > MaxSpecBytes {
		return nil, fmt.Errorf("spec %s is larger than %d bytes", path, MaxSpecBytes)
	}
	doc, err := LoadData(ctx, data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

// LoadData parses an OpenAPI document (JSON or YAML) and resolves its
// internal references. External references are refused.
func LoadData(ctx context.Context, data []byte) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	loader.Context = ctx
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("load spec: %w", err)
	}
	return doc, nil
}
