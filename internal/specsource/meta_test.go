package specsource

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteReadMeta(t *testing.T) {
	p := filepath.Join(t.TempDir(), "openapi.meta.json")
	m := Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "abc"}
	require.NoError(t, WriteMeta(p, m))

	data, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"sha256\": \"abc\",\n  \"source\": \"npm:@seamapi/types@1.977.0\"\n}\n", string(data))

	got, err := ReadMeta(p)
	require.NoError(t, err)
	assert.Equal(t, m, got)
}

func TestReadMetaMissing(t *testing.T) {
	_, err := ReadMeta(filepath.Join(t.TempDir(), "none.json"))
	require.ErrorIs(t, err, fs.ErrNotExist)
}

func TestNextMeta(t *testing.T) {
	r := &Result{SHA256: "same", Source: "file:openapi.json"}
	pinned := &Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "same"}

	assert.Equal(t, Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "same"}, NextMeta(pinned, r), "same sha keeps source")
	assert.Equal(t, Meta{Source: "file:openapi.json", SHA256: "same"}, NextMeta(nil, r), "no meta yet")
	changed := &Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "other"}
	assert.Equal(t, Meta{Source: "file:openapi.json", SHA256: "same"}, NextMeta(changed, r), "new sha records new source")
}

// TestStoreRepullKeepsSource re-pulls the stored spec from the file itself, as
// SEAM_OPENAPI_SOURCE=file:openapi.json would, and checks nothing changes.
func TestStoreRepullKeepsSource(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "input.json", smallSpec)

	first, err := Pull(context.Background(), "file:input.json", Options{})
	require.NoError(t, err)
	first.Source = "npm:@seamapi/types@1.977.0" // as if it had come from npm
	m, err := Store("openapi.json", "openapi.meta.json", first)
	require.NoError(t, err)
	assert.Equal(t, "npm:@seamapi/types@1.977.0", m.Source)
	specBefore, err := os.ReadFile("openapi.json")
	require.NoError(t, err)
	metaBefore, err := os.ReadFile("openapi.meta.json")
	require.NoError(t, err)

	again, err := Pull(context.Background(), "file:openapi.json", Options{})
	require.NoError(t, err)
	m2, err := Store("openapi.json", "openapi.meta.json", again)
	require.NoError(t, err)
	assert.Equal(t, m, m2)

	specAfter, err := os.ReadFile("openapi.json")
	require.NoError(t, err)
	metaAfter, err := os.ReadFile("openapi.meta.json")
	require.NoError(t, err)
	assert.Equal(t, specBefore, specAfter)
	assert.Equal(t, metaBefore, metaAfter)

	// A different spec records its own source.
	writeFile(t, dir, "changed.json", `{"openapi":"3.0.0","paths":{"/only":{}}}`)
	changed, err := Pull(context.Background(), "file:changed.json", Options{})
	require.NoError(t, err)
	m3, err := Store("openapi.json", "openapi.meta.json", changed)
	require.NoError(t, err)
	assert.Equal(t, Meta{Source: "file:changed.json", SHA256: changed.SHA256}, m3)
}

func TestStoreCorruptMetaWritesNothing(t *testing.T) {
	dir := t.TempDir()
	spec := writeFile(t, dir, "openapi.json", "old spec")
	meta := writeFile(t, dir, "openapi.meta.json", "not json")
	r, err := newResult([]byte(smallSpec), "file:x")
	require.NoError(t, err)

	_, err = Store(spec, meta, r)
	require.Error(t, err)
	data, err := os.ReadFile(spec)
	require.NoError(t, err)
	assert.Equal(t, "old spec", string(data))
}
