// Package reporoot finds the root of a checkout of this repository: the
// directory whose go.mod declares module github.com/seamgo/seam-go. The
// scripts (the generation pipeline), the fake server's harness and the tests
// that read the repository's own files all find it this one way.
package reporoot

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ModulePath is the module whose go.mod marks the repository root.
const ModulePath = "github.com/seamgo/seam-go"

// maxDepth bounds the walk up the directory tree.
const maxDepth = 64

// Find walks up from dir to the directory whose go.mod declares
// ModulePath; the go.mod of another module on the way (a consumer module
// in a test, say) is passed over.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("reporoot: resolve %q: %w", dir, err)
	}
	for cur, i := abs, 0; i < maxDepth; i++ {
		mod, err := os.ReadFile(filepath.Join(cur, "go.mod"))
		switch {
		case err == nil:
			if modulePath(string(mod)) == ModulePath {
				return cur, nil
			}
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("reporoot: read go.mod: %w", err)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		cur = parent
	}
	return "", fmt.Errorf("reporoot: no go.mod with module %s above %s", ModulePath, abs)
}

// FromWorkingDir is Find from the working directory.
func FromWorkingDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("reporoot: %w", err)
	}
	return Find(wd)
}

// modulePath returns the path of the module directive in a go.mod file.
func modulePath(gomod string) string {
	for _, line := range strings.Split(gomod, "\n") {
		line = strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(line, "module")
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
			continue
		}
		if i := strings.Index(rest, "//"); i >= 0 {
			rest = rest[:i]
		}
		return strings.Trim(strings.TrimSpace(rest), `"`)
	}
	return ""
}
