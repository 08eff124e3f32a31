package seamfake

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
)

// minNodeMajor is the oldest Node.js major version the pinned fake runs on.
const minNodeMajor = 20

// ErrPrerequisites reports that Node.js 20+ or npm is missing. Start wraps it,
// so callers can test with errors.Is and skip instead of failing.
var ErrPrerequisites = errors.New("seamfake: the fake Seam server needs Node.js 20+ and npm: install Node.js 20+ and npm")

// tools holds the resolved paths of node and npm.
type tools struct {
	node string
	npm  string
}

// findTools locates node and npm in PATH and checks the Node.js version.
func findTools(ctx context.Context) (tools, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return tools{}, fmt.Errorf("%w (node not found in PATH)", ErrPrerequisites)
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return tools{}, fmt.Errorf("%w (npm not found in PATH)", ErrPrerequisites)
	}
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return tools{}, fmt.Errorf("%w (running %s --version: %v)", ErrPrerequisites, node, err)
	}
	version := strings.TrimSpace(string(out))
	major, err := nodeMajor(version)
	if err != nil {
		return tools{}, fmt.Errorf("%w (%v)", ErrPrerequisites, err)
	}
	if major < minNodeMajor {
		return tools{}, fmt.Errorf("%w (found node %s)", ErrPrerequisites, version)
	}
	return tools{node: node, npm: npm}, nil
}

// nodeMajor parses the major number of a `node --version` output like v20.1.0.
func nodeMajor(version string) (int, error) {
	v := strings.TrimPrefix(strings.TrimSpace(version), "v")
	majorText, _, _ := strings.Cut(v, ".")
	major, err := strconv.Atoi(majorText)
	if err != nil {
		return 0, fmt.Errorf("unrecognised node version %q", version)
	}
	return major, nil
}
