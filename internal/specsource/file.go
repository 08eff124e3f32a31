package specsource

import (
	"fmt"
	"io"
	"os"
)

// pullFile reads the spec from path (relative to the working directory),
// refusing files larger than opts.maxBytes.
func pullFile(path string, opts Options) ([]byte, string, error) {
	source := filePrefix + path
	if path == "" {
		return nil, "", fmt.Errorf("spec source %q names no file", source)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("open spec file: %w", err)
	}
	defer f.Close()
	limit := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, "", fmt.Errorf("read spec file %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, "", fmt.Errorf("spec file %s is more than the %d-byte limit", path, limit)
	}
	return data, source, nil
}
