package gentest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/nullable"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/normalize"
)

// committedSpec loads and validates openapi.json with kin-openapi, as the
// pipeline does, once for all the tests that read it.
var committedSpec = sync.OnceValues(func() (*openapi3.T, error) {
	data, err := os.ReadFile(specPath)
	if err != nil {
		return nil, err
	}
	return normalize.Load(context.Background(), data)
})

// fakeDir holds the responses captured from the official fake server.
const fakeDir = "../testdata/fake"

// decodeFile decodes the JSON file at path into a new T.
func decodeFile[T any](t testing.TB, path string) T {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var v T
	require.NoError(t, json.Unmarshal(data, &v), path)
	return v
}

// seed is the path of a seed response.
func seed(name string) string { return filepath.Join("testdata", "seed", name) }

// fake is the path of a fake capture.
func fake(name string) string { return filepath.Join(fakeDir, name) }

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// valueOf returns a pointer to n's value, or nil when n is null or absent.
func valueOf[T any](n nullable.Nullable[T]) *T {
	v, err := n.Get()
	if err != nil {
		return nil
	}
	return &v
}
