package specsource

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Meta records which spec is committed and where it came from.
type Meta struct {
	// Source is where the spec was pulled from, e.g. "npm:@seamapi/types@1.977.0".
	Source string `json:"source"`
	// SHA256 is the lowercase hex SHA-256 of the canonical spec.
	SHA256 string `json:"sha256"`
}

// ReadMeta reads a metadata file written by WriteMeta. A missing file gives an
// error satisfying errors.Is(err, fs.ErrNotExist).
func ReadMeta(path string) (Meta, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Meta{}, fmt.Errorf("read spec metadata: %w", err)
	}
	var m Meta
	if err := json.Unmarshal(data, &m); err != nil {
		return Meta{}, fmt.Errorf("parse spec metadata %s: %w", path, err)
	}
	return m, nil
}

// WriteMeta writes m to path as canonical JSON, atomically.
func WriteMeta(path string, m Meta) error {
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode spec metadata: %w", err)
	}
	canonical, err := Canonicalize(data)
	if err != nil {
		return fmt.Errorf("encode spec metadata: %w", err)
	}
	return WriteAtomic(path, canonical)
}

// NextMeta returns the metadata to record for r in the repository at root.
// When the existing metadata already records the same SHA-256, its Source is
// kept, so re-pulling the same spec from another place (such as the
// committed file) changes nothing. A file: source is recorded relative to
// root (see RepoSource).
func NextMeta(existing *Meta, r *Result, root string) Meta {
	if existing != nil && existing.SHA256 == r.SHA256 && existing.Source != "" {
		return Meta{Source: existing.Source, SHA256: r.SHA256}
	}
	return Meta{Source: RepoSource(r.Source, root), SHA256: r.SHA256}
}

// RepoSource returns source as the repository at root records it: a file:
// source (absolute, or relative to the working directory) becomes relative
// to root with forward slashes, such as "file:openapi.json", so that the
// record names no path of one machine. Other sources are returned as they
// are.
func RepoSource(source, root string) string {
	path, ok := strings.CutPrefix(source, filePrefix)
	if !ok || path == "" {
		return source
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return source
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return source
	}
	rel, err := filepath.Rel(rootAbs, abs)
	if err != nil {
		return source
	}
	return filePrefix + filepath.ToSlash(rel)
}

// Store writes r's canonical spec to specPath and its metadata to metaPath,
// each atomically, applying the NextMeta rule against the metadata already at
// metaPath (if any), with file: sources relative to the directory of
// metaPath. It returns the metadata it wrote. A metadata file that
// exists but cannot be read is an error, and then nothing is written.
func Store(specPath, metaPath string, r *Result) (Meta, error) {
	var existing *Meta
	old, err := ReadMeta(metaPath)
	switch {
	case err == nil:
		existing = &old
	case !errors.Is(err, fs.ErrNotExist):
		return Meta{}, err
	}
	meta := NextMeta(existing, r, filepath.Dir(metaPath))
	if err := WriteAtomic(specPath, r.Canonical); err != nil {
		return Meta{}, err
	}
	if err := WriteMeta(metaPath, meta); err != nil {
		return Meta{}, err
	}
	return meta, nil
}
