package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// TestModuleRootFromThisPackage: from internal/pipeline the walk stops at
// the repository root, two levels up.
func TestModuleRootFromThisPackage(t *testing.T) {
	want, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("ModuleRoot() = %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(got, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: %v", got, err)
	}
}
