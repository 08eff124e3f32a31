package specdiff

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

// loadFixture loads testdata/name; each call returns a fresh document, so a
// test may change it.
func loadFixture(t testing.TB, name string) *openapi3.T {
	t.Helper()
	doc, err := Load(context.Background(), filepath.Join("testdata", name))
	require.NoError(t, err)
	return doc
}

// fixtureReport compares testdata/old.json with testdata/new.json.
func fixtureReport(t testing.TB, opts Options) *Report {
	t.Helper()
	return Diff(loadFixture(t, "old.json"), loadFixture(t, "new.json"), opts)
}

// opDiff returns the changes of the operation named like "POST /x".
func opDiff(t testing.TB, r *Report, name string) OperationDiff {
	t.Helper()
	for _, d := range r.Operations {
		if d.Operation.String() == name {
			return d
		}
	}
	t.Fatalf("no changes reported for %s", name)
	return OperationDiff{}
}

// schemaDiff returns the changes of the component schema name.
func schemaDiff(t testing.TB, r *Report, name string) SchemaDiff {
	t.Helper()
	for _, d := range r.Schemas {
		if d.Name == name {
			return d
		}
	}
	t.Fatalf("no changes reported for schema %s", name)
	return SchemaDiff{}
}

// bodySchema returns the JSON request body schema of an operation.
func bodySchema(t testing.TB, doc *openapi3.T, method, path string) *openapi3.Schema {
	t.Helper()
	op := doc.Paths.Value(path).GetOperation(method)
	require.NotNil(t, op, "%s %s", method, path)
	return op.RequestBody.Value.Content.Get("application/json").Schema.Value
}

// component returns a component schema of doc.
func component(t testing.TB, doc *openapi3.T, name string) *openapi3.Schema {
	t.Helper()
	s := doc.Components.Schemas[name]
	require.NotNil(t, s, name)
	return s.Value
}
