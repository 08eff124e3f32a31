package specdiff

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadRefusesExternalRefs(t *testing.T) {
	_, err := LoadData(context.Background(), []byte(`{
		"openapi": "3.0.0", "info": {"title": "x", "version": "1"},
		"paths": {"/a": {"post": {"responses": {"200": {"description": "OK",
			"content": {"application/json": {"schema": {"$ref": "other.json#/components/schemas/a"}}}}}}}}
	}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disallowed external reference")
}

func TestLoadErrors(t *testing.T) {
	_, err := Load(context.Background(), filepath.Join("testdata", "missing.json"))
	assert.True(t, errors.Is(err, fs.ErrNotExist), "%v", err)

	_, err = LoadData(context.Background(), []byte(`{"openapi": `))
	assert.Error(t, err)
}

func TestLoadFixture(t *testing.T) {
	doc := loadFixture(t, "old.json")
	assert.Equal(t, 8, doc.Paths.Len())
	// The $ref to a response component is resolved.
	resp := doc.Paths.Value("/widgets/get").Get.Responses.Status(200)
	require.NotNil(t, resp.Value)
	assert.NotNil(t, resp.Value.Content.Get("application/json").Schema.Value.Properties["widget"].Value)
}

func BenchmarkDiffFixture(b *testing.B) {
	oldDoc, newDoc := loadFixture(b, "old.json"), loadFixture(b, "new.json")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Diff(oldDoc, newDoc, Options{IncludeUndocumented: true}).Markdown()
	}
}
