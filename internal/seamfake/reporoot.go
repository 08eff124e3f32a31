package seamfake

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

// fakeDirRel is where the fake's package.json and start script live, relative
// to the repository root.
const fakeDirRel = "scripts/fake"

// maxRootDepth bounds the walk up the directory tree.
const maxRootDepth = 64

// FindRepoRoot walks up from dir to the directory whose go.mod declares
// module github.com/seamgo/seam-go.
func FindRepoRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("seamfake: resolve %q: %w", dir, err)
	}
	for cur, i := abs, 0; i < maxRootDepth; i++ {
		mod, err := os.ReadFile(filepath.Join(cur, "go.mod"))
		switch {
		case err == nil:
			if modulePath(string(mod)) == ModulePath {
				return cur, nil
			}
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("seamfake: read go.mod: %w", err)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		cur = parent
	}
	return "", fmt.Errorf("seamfake: no go.mod with module %s above %s", ModulePath, abs)
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
