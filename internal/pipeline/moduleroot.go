package pipeline

import (
	"errors"
	"os"
	"path/filepath"
)

// ModuleRoot walks up from the working directory to the directory that
// holds go.mod, the Root the scripts run the pipeline in.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
