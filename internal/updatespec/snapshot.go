package updatespec

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// snapshotTree copies into dst (emptied first) what type-checking pkgs of
// the module at root needs: go.mod, go.sum and the non-test Go files of each
// package directory (not its subdirectories). Missing files are skipped.
func snapshotTree(root, dst string, pkgs []string) error {
	if err := os.RemoveAll(dst); err != nil {
		return fmt.Errorf("remove the old tree copy: %w", err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return fmt.Errorf("create the old tree copy: %w", err)
	}
	files := []string{"go.mod", "go.sum"}
	for _, pkg := range pkgs {
		entries, err := os.ReadDir(filepath.Join(root, pkg))
		if err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("list %s: %w", pkg, err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
				files = append(files, filepath.Join(pkg, name))
			}
		}
	}
	for _, rel := range files {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return fmt.Errorf("copy %s: %w", rel, err)
		}
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return fmt.Errorf("copy %s: %w", rel, err)
		}
		if err := os.WriteFile(target, data, fs.FileMode(0o644)); err != nil {
			return fmt.Errorf("copy %s: %w", rel, err)
		}
	}
	return nil
}
